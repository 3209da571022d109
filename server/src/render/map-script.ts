/**
 * Browser-side script of the sharing map. It reads the graph from the page's JSON block, asks the model
 * (map-model-script.ts) what to draw for the current expansion and filters, and lays it out (map-layout-script.ts).
 * A click on a collapsed region expands it, on an expanded one collapses it; the search box expands the way to an
 * agency and centres it. In the editor the host posts `{ type: 'govspec.graph', data }` after an edit and the page
 * diffs it in, keeping zoom, pan, expansion and selection. The details panel is built with DOM calls
 * (textContent), never innerHTML. `window.govspecMap` exposes the instance for tests.
 */
export const MAP_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('govspec-graph').textContent);
  var text = data.strings;
  var css = getComputedStyle(document.body);
  var colour = function (name, fallback) { return (css.getPropertyValue(name) || '').trim() || fallback; };
  var fg = colour('--fg', '#1f2328'), muted = colour('--muted', '#59636e'), accent = colour('--accent', '#0969da');
  var error = colour('--error', '#cf222e'), warning = colour('--warning', '#9a6700'), bg = colour('--bg', '#ffffff');
  var panel = colour('--panel', '#f6f8fa'), border = colour('--border', '#d1d9e0');
  var Model = window.govspecMapModel;
  var model = new Model(data.graph);
  var expanded = model.initialExpansion();
  // Large groups a search opened, and the children drawn in them (the model's \`representative\`).
  var focus = {};
  var filter = { problem: '', problemsOnly: false, cross: '', region: '' };
  var container = document.getElementById('govspec-map');

  var cy = cytoscape({
    container: container, elements: [], minZoom: 0.05, maxZoom: 3, wheelSensitivity: 0.3,
    style: [
      { selector: 'node.agency', style: { 'background-color': accent, width: 14, height: 14, label: 'data(label)', color: fg,
        'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': 112,
        'text-background-color': bg, 'text-background-opacity': 0.8, 'text-background-padding': 1 } },
      { selector: 'node.agency.unregistered', style: { 'background-color': warning, shape: 'diamond' } },
      { selector: 'node.group', style: { label: 'data(label)', color: muted, 'font-size': 12, 'font-weight': 'bold',
        'text-valign': 'top', 'text-halign': 'center', 'text-wrap': 'wrap', 'text-max-width': 220, 'background-color': panel,
        'background-opacity': 0.2, 'border-color': border, 'border-width': 1, shape: 'round-rectangle', padding: 10 } },
      { selector: 'node.group.collapsed', style: { 'text-valign': 'center', color: fg, 'font-weight': 'normal', width: 'data(w)', height: 'data(h)',
        'background-color': accent, 'background-opacity': 0.16, 'border-color': accent, 'border-width': 2, 'text-max-width': 140 } },
      { selector: 'node.group.has-problem', style: { 'border-color': error } },
      // Lines under every node and frame, so that a line between two groups never covers a name (cytoscape draws a
      // line at its ends' depth, over the boxes it passes otherwise); frames are faint enough for lines to show through.
      { selector: 'edge', style: { 'z-compound-depth': 'bottom', width: 1.5, 'line-color': muted, 'target-arrow-color': muted, 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.85 } },
      { selector: 'edge.aggregate', style: { width: 'data(width)', 'font-size': 10, color: fg,
        'text-background-color': bg, 'text-background-opacity': 0.9, 'text-background-padding': 2 } },
      // A line without a number is one agreement: "1" on every thin line only covers the names under it.
      { selector: 'edge.aggregate[count > 1]', style: { label: 'data(label)' } },
      { selector: 'edge.cross-department', style: { 'line-style': 'dotted' } },
      { selector: 'edge.cross-region', style: { 'line-style': 'dashed' } },
      { selector: 'edge.cross-level', style: { 'source-arrow-shape': 'circle', 'source-arrow-color': muted } },
      { selector: 'edge.problem', style: { width: 3, 'line-color': error, 'target-arrow-color': error, 'source-arrow-color': error, color: error, opacity: 1 } },
      { selector: 'edge.aggregate.problem', style: { width: 'data(width)' } },
      { selector: 'edge.worst-safeguards', style: { 'line-color': '#bf3989', 'target-arrow-color': '#bf3989', 'source-arrow-color': '#bf3989' } },
      { selector: 'edge.worst-expired', style: { 'line-color': '#bc4c00', 'target-arrow-color': '#bc4c00', 'source-arrow-color': '#bc4c00' } },
      { selector: 'edge.worst-reply', style: { 'line-color': warning, 'target-arrow-color': warning, 'source-arrow-color': warning } },
      { selector: ':selected', style: { 'overlay-color': accent, 'overlay-opacity': 0.25 } },
      { selector: 'node.found', style: { 'border-color': accent, 'border-width': 4 } },
      { selector: 'node.placeholder', style: { shape: 'rectangle', width: 'data(w)', height: 'data(h)', opacity: 0, events: 'no' } }
    ]
  });

  /** A collapsed group's box: wide enough for its two-line label, a little larger the more agencies it holds. */
  function boxSize(count) {
    var grow = Math.log(1 + count);
    return { w: Math.round(118 + 4 * grow), h: Math.round(40 + 5 * grow) };
  }
  function nodeElement(n) {
    if (n.kind === 'agency') {
      var a = n.agency;
      return { group: 'nodes', data: { id: a.id, parent: n.parent, label: a.name, title: a.name + ' ' + a.uscc, uscc: a.uscc, region: a.region || '', level: a.level || '' },
        classes: a.registered ? 'agency' : 'agency unregistered' };
    }
    var g = n.group;
    if (n.kind === 'rest') {
      return { group: 'nodes', data: { id: n.id, parent: n.parent, label: text.others + '\\n' + n.count + ' ' + text.agencies, title: g.title + ' · ' + text.others + ' · ' + n.count + ' ' + text.agencies,
        w: boxSize(n.count).w, h: boxSize(n.count).h }, classes: 'group collapsed rest' + (n.problem ? ' has-problem' : '') };
    }
    var levelName = g.level === undefined ? '' : data.levelLabels[g.level] || g.level || text.unknownLevel;
    var label = g.level !== undefined ? levelName : g.id === 'g:national' ? text.national : g.id === 'g:unknown' ? text.unknownRegion : g.label;
    var summary = n.count + ' ' + text.agencies + (n.internal ? ' · ' + n.internal + ' ' + text.agreements : '');
    var classes = ['group', n.expanded ? 'expanded' : 'collapsed'].concat(g.level !== undefined ? ['level'] : []).concat(n.problem && !n.expanded ? ['has-problem'] : []);
    return { group: 'nodes', data: { id: g.id, parent: n.parent, label: n.expanded ? label : label + '\\n' + summary, title: g.title + (levelName ? ' · ' + levelName : '') + ' · ' + summary,
      w: boxSize(n.count).w, h: boxSize(n.count).h }, classes: classes.join(' ') };
  }
  function edgeElement(e) {
    if (e.edge) return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, edge: e.edge }, classes: e.classes.join(' ') };
    return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: String(e.count), count: e.count, agreements: e.agreements,
      problems: e.problems, width: Math.min(9, 1.5 + 1.5 * Math.log(e.count)) }, classes: e.classes.join(' ') };
  }

  var counts = document.getElementById('govspec-map-counts');
  var current;
  var layout = window.govspecMapLayout(cy), leafPositions = layout.leafPositions, layoutLevel = layout.layoutLevel, placeOpened = layout.placeOpened;

  /** What each drawn element was last drawn from (its data as JSON), by id, so that a redraw touches only what changed. */
  var drawnFrom = {};
  /**
   * Makes the canvas hold exactly \`elements\`: what is gone (or has a new parent or new ends) is removed, what changed
   * gets its new data and classes, and only what is new is added. Cytoscape styles each element it is given, so a
   * search that opens one branch styles that branch, not the whole map again.
   */
  function sync(elements) {
    var wanted = {};
    elements.forEach(function (el) { wanted[el.data.id] = el; });
    cy.elements().filter(function (el) {
      var next = wanted[el.id()];
      if (!next) return true;
      return el.isNode() ? (el.data('parent') || '') !== (next.data.parent || '') : el.data('source') !== next.data.source || el.data('target') !== next.data.target;
    }).remove();
    var added = [];
    elements.forEach(function (next) {
      var id = next.data.id, el = cy.getElementById(id), from = JSON.stringify(next.data);
      if (el.empty()) added.push(next);
      else {
        if (drawnFrom[id] !== from) el.data(next.data);
        if (el.classes().join(' ') !== next.classes) el.classes(next.classes);
      }
      drawnFrom[id] = from;
    });
    cy.add(added);
  }

  /**
   * Draws the view for the current state; keeps the viewport when asked (an edit, not a change of view). With
   * \`opened\` (only groups were expanded since the last draw) just the opened groups are laid out.
   */
  function draw(options) {
    var view = model.view(expanded, filter, focus);
    current = view;
    var elements = view.nodes.map(nodeElement).concat(view.edges.map(edgeElement));
    var selected = cy.$(':selected').map(function (el) { return el.id(); });
    var zoom = cy.zoom(), pan = cy.pan();
    var before = options && options.opened ? leafPositions() : undefined;
    cy.batch(function () { sync(elements); });
    if (cy.nodes().length && !(before && placeOpened(before))) layoutLevel(cy.nodes().orphans());
    selected.forEach(function (id) { cy.getElementById(id).select(); });
    if (options && options.keepViewport) { cy.zoom(zoom); cy.pan(pan); }
    else fitTo(options && options.focus ? cy.getElementById(options.focus) : cy.elements());
    counts.textContent = text.agencies + ' ' + view.agencies + ' · ' + text.agreements + ' ' + view.agreements + ' · ' + text.problemEdges + ' ' + view.problemAgreements;
    container.setAttribute('data-drawn-nodes', String(cy.nodes().length));
    container.setAttribute('data-painted', String((Number(container.getAttribute('data-painted')) || 0) + 1));
  }

  /**
   * Below this zoom the agencies' 11 px names are too small to read: a map larger than the canvas at it opens at this
   * zoom, centred across and with its top in view (the rest is a drag away), rather than fitted whole.
   */
  var READABLE_ZOOM = 0.8;
  // A small workspace would otherwise be blown up to fill the canvas.
  function fitTo(collection) {
    if (!collection || collection.empty()) return;
    cy.fit(collection, 30);
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(collection); }
    else if (cy.zoom() < READABLE_ZOOM) {
      var box = collection.boundingBox();
      cy.zoom(READABLE_ZOOM);
      cy.pan({ x: cy.width() / 2 - READABLE_ZOOM * (box.x1 + box.x2) / 2, y: 30 - READABLE_ZOOM * box.y1 });
    }
  }

  var details = document.getElementById('govspec-edge-details');
  function line(label, value) {
    var row = document.createElement('div');
    var key = document.createElement('span');
    key.className = 'muted';
    key.textContent = label + ': ';
    row.appendChild(key);
    row.appendChild(document.createTextNode(value));
    details.appendChild(row);
  }
  function heading(value) {
    details.textContent = '';
    var head = document.createElement('h3');
    head.textContent = value;
    details.appendChild(head);
  }
  function name(id) { return model.agencies[id] ? model.agencies[id].name : id; }
  function showEdge(e) {
    heading(e.agreementId + (e.title ? ' ' + e.title : ''));
    line(text.provider, name(e.source));
    line(text.consumer, name(e.target));
    line(text.resource, e.resources.map(function (r) { return r.code + (r.name ? ' ' + r.name : ''); }).join('; '));
    line(text.validity, (e.validFrom || '?') + ' – ' + (e.validTo || '?'));
    var crossing = ['level', 'region', 'department'].filter(function (k) { return e.cross[k]; }).map(function (k) { return text.cross[k]; });
    if (crossing.length) line(text.crossing, crossing.join(' · '));
    e.problems.forEach(function (p) {
      var badge = document.createElement('div');
      badge.className = 'badge sev-error problem-flag';
      badge.setAttribute('data-flag', p);
      badge.textContent = text.flags[p];
      details.appendChild(badge);
    });
    var link = document.createElement('a');
    link.textContent = text.open + ' (' + e.file + ':' + (e.line + 1) + ')';
    // A file name that reads like a URL scheme ("javascript:…") must stay a relative path.
    link.href = /^[a-z][a-z0-9+.-]*:/i.test(e.file) && !/^file:/i.test(e.file) ? './' + e.file : e.file;
    link.setAttribute('data-open-file', e.file);
    link.setAttribute('data-open-line', String(e.line));
    link.className = 'open-link';
    details.appendChild(document.createElement('br'));
    details.appendChild(link);
  }
  /** An aggregated edge: its agreements, problem ones first, each opening its own details. */
  function showSum(d) {
    heading(name(d.source) + ' → ' + name(d.target));
    line(text.agreements, String(d.count));
    var list = document.createElement('ul');
    list.className = 'agreement-list';
    var ids = d.agreements.slice().sort(function (x, y) { return model.edgesById[y].problems.length - model.edgesById[x].problems.length; });
    ids.slice(0, 200).forEach(function (id) {
      var e = model.edgesById[id];
      var item = document.createElement('li');
      var button = document.createElement('a');
      button.href = '#';
      button.textContent = e.agreementId + (e.problems.length ? ' — ' + e.problems.map(function (p) { return text.flags[p]; }).join(', ') : '');
      button.addEventListener('click', function (event) { event.preventDefault(); showEdge(e); });
      item.appendChild(button);
      list.appendChild(item);
    });
    details.appendChild(list);
  }
  function showNode(node) {
    if (node.hasClass('agency')) {
      var a = model.agencies[node.id()];
      heading(a.name);
      line('USCC', a.uscc);
      line(text.level, data.levelLabels[a.level || ''] || a.level || text.unknownLevel);
      line(text.region, data.regionTitles[a.region || ''] || a.region || text.unknownRegion);
    } else {
      heading(node.data('title'));
    }
  }

  // One handler on the core: a tap on an agency also bubbles to its group, which must not collapse under it.
  cy.on('tap', function (event) {
    var el = event.target;
    if (el === cy) return;
    if (el.isEdge()) tapEdge(el); else tapNode(el, event);
  });
  function tapEdge(el) {
    if (el.hasClass('aggregate')) { showSum(el.data()); return; }
    var e = el.data('edge');
    showEdge(e);
    if (window.govspecHost && window.govspecHost.inEditor) window.govspecHost.open(e.file, e.line);
  }
  function tapNode(node, event) {
    var id = node.id();
    if (node.hasClass('rest')) { id = node.parent().id(); delete focus[id]; draw({ focus: id }); }
    else if (node.hasClass('collapsed')) { expanded[id] = true; draw({ focus: id }); }
    else if (node.hasClass('expanded') && event.originalEvent !== undefined) collapse(id);
    showNode(cy.getElementById(id));
  }
  function collapse(id) {
    delete expanded[id];
    Object.keys(expanded).forEach(function (g) { if (model.ancestors[g].indexOf(id) >= 0) delete expanded[g]; });
    Object.keys(focus).forEach(function (g) { if (model.ancestors[g].indexOf(id) >= 0) delete focus[g]; });
    draw({ focus: id });
  }
  cy.on('mouseover', 'node', function (event) { container.title = event.target.data('title') || ''; });
  cy.on('mouseout', 'node', function () { container.title = ''; });

  /** Expands the way to the best match, selects and centres it; the agency's id, or undefined. */
  function search(query) {
    var found = model.search(query)[0];
    if (!found) return undefined;
    // Clearing a filter changes what is drawn, not only what is open: then the whole map is laid out again.
    var filtered = filter.problem || filter.problemsOnly || filter.cross || filter.region;
    if (filtered) setFilters({ problem: '', problemsOnly: false, cross: '', region: '' });
    model.reveal(found, expanded, focus);
    draw({ keepViewport: true, opened: !filtered });
    cy.nodes().unselect().removeClass('found');
    var node = cy.getElementById(found);
    node.select().addClass('found');
    if (cy.zoom() < 1) cy.zoom(1);
    // The node's own centre, not its box with the label below it.
    var at = node.position();
    cy.pan({ x: cy.width() / 2 - at.x * cy.zoom(), y: cy.height() / 2 - at.y * cy.zoom() });
    showNode(node);
    return found;
  }

  var searchInput = document.getElementById('govspec-filter-agency');
  var regionSelect = document.getElementById('govspec-filter-region');
  var problemSelect = document.getElementById('govspec-filter-problem');
  var crossSelect = document.getElementById('govspec-filter-cross');
  var problemsOnly = document.getElementById('govspec-problems-only');
  function setFilters(next) {
    problemSelect.value = next.problem; regionSelect.value = next.region; crossSelect.value = next.cross; problemsOnly.checked = next.problemsOnly;
    filter = next;
  }
  function apply() {
    filter = { problem: problemSelect.value, problemsOnly: problemsOnly.checked, cross: crossSelect.value, region: regionSelect.value };
    draw();
  }
  [regionSelect, problemSelect, crossSelect, problemsOnly].forEach(function (el) { el.addEventListener('change', apply); });
  searchInput.addEventListener('change', function () { search(searchInput.value); });
  searchInput.addEventListener('keydown', function (event) { if (event.key === 'Enter') search(searchInput.value); });

  /** A new graph from the host: the same expansion (groups that still exist), filters, selection and viewport. */
  function update(next) {
    data.graph = next.graph; data.levelLabels = next.levelLabels || data.levelLabels; data.regionTitles = next.regionTitles || data.regionTitles;
    model = new Model(next.graph);
    Object.keys(expanded).forEach(function (g) { if (!model.groups[g]) delete expanded[g]; });
    Object.keys(focus).forEach(function (g) {
      if (!model.groups[g]) { delete focus[g]; return; }
      Object.keys(focus[g]).forEach(function (c) {
        if (model.children[g].indexOf(c) < 0 && !(model.agencies[c] && model.agencies[c].group === g)) delete focus[g][c];
      });
    });
    draw({ keepViewport: true });
  }
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (m && m.type === 'govspec.graph' && m.data && m.data.graph) update(m.data);
  });

  draw();
  window.govspecMap = { cy: cy, apply: apply, showEdge: showEdge, search: search, update: update, expanded: function () { return Object.keys(expanded).sort(); },
    expand: function (id) { expanded[id] = true; draw({ focus: id }); }, collapse: collapse, view: function () { return current; },
    model: function () { return model; }, expansion: function () { return expanded; }, focus: function () { return focus; }, redraw: function () { draw(); } };
})();
`;
