/**
 * Browser-side script of the sharing map. It reads the graph from the page's JSON block, hands positions computed
 * on the host to cytoscape's `preset` layout, and wires the filters and the click on an edge. It builds the details
 * panel with DOM calls (textContent), never innerHTML, so no document value is parsed as markup here either.
 * `window.govspecMap` exposes the instance for tests.
 */
export const MAP_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('govspec-graph').textContent);
  var text = data.strings;
  var css = getComputedStyle(document.body);
  var colour = function (name, fallback) { return (css.getPropertyValue(name) || '').trim() || fallback; };
  var fg = colour('--fg', '#1f2328'), muted = colour('--muted', '#59636e'), accent = colour('--accent', '#0969da');
  var error = colour('--error', '#cf222e'), warning = colour('--warning', '#9a6700'), bg = colour('--bg', '#ffffff');
  var agencyName = {};
  var elements = [];
  data.graph.nodes.forEach(function (n) {
    agencyName[n.id] = n.name;
    elements.push({ group: 'nodes', data: { id: n.id, label: n.name, uscc: n.uscc, region: n.region || '', level: n.level || '' },
      position: { x: n.x, y: n.y }, classes: n.registered ? 'agency' : 'agency unregistered' });
  });
  data.graph.levels.forEach(function (l, i) {
    elements.push({ group: 'nodes', data: { id: '__level' + i, label: data.levelNames[i] }, position: { x: l.x, y: -80 },
      classes: 'heading', selectable: false, grabbable: false });
  });
  data.graph.regions.forEach(function (r, i) {
    elements.push({ group: 'nodes', data: { id: '__region' + i, label: data.regionNames[i] }, position: { x: data.graph.headingX, y: r.y },
      classes: 'heading region-heading', selectable: false, grabbable: false });
  });
  data.graph.edges.forEach(function (e) {
    var label = e.resources.map(function (r) { return r.name || r.code; }).join(' / ');
    var classes = ['agreement'].concat(e.problems.length ? ['problem'] : []).concat(e.problems);
    elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: label, edge: e }, classes: classes.join(' ') });
  });
  var big = data.graph.nodes.length > 1500;
  var cy = cytoscape({
    container: document.getElementById('govspec-map'),
    elements: elements,
    layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.02, maxZoom: 4,
    textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : 'auto',
    style: [
      { selector: 'node.agency', style: { 'background-color': accent, width: 16, height: 16, label: 'data(label)', color: fg,
        'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': 150, 'min-zoomed-font-size': 7 } },
      { selector: 'node.unregistered', style: { 'background-color': warning, shape: 'diamond' } },
      { selector: 'node.heading', style: { 'background-opacity': 0, width: 1, height: 1, label: 'data(label)', color: muted,
        'font-size': 16, 'font-weight': 'bold', 'text-valign': 'center', 'text-halign': 'center', events: 'no' } },
      { selector: 'node.region-heading', style: { 'font-size': 13, 'text-halign': 'left' } },
      { selector: 'edge.agreement', style: { width: 1.5, 'line-color': muted, 'target-arrow-color': muted, 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, color: muted, 'text-rotation': 'autorotate',
        'text-background-color': bg, 'text-background-opacity': 0.85, 'text-background-padding': 1, 'min-zoomed-font-size': 9 } },
      { selector: 'edge.problem', style: { width: 3, 'line-color': error, 'target-arrow-color': error, color: error } },
      { selector: 'edge.expired', style: { 'line-style': 'dashed' } },
      { selector: ':selected', style: { 'overlay-color': accent, 'overlay-opacity': 0.25 } },
      { selector: '.hidden', style: { display: 'none' } }
    ]
  });

  // A small workspace would otherwise be blown up to fill the canvas.
  function fitTo(collection, padding) {
    cy.fit(collection, padding);
    if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(collection); }
  }
  fitTo(cy.elements(), 30);

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
  function showEdge(e) {
    details.textContent = '';
    var head = document.createElement('h3');
    head.textContent = e.agreementId + (e.title ? ' ' + e.title : '');
    details.appendChild(head);
    line(text.provider, agencyName[e.source] || e.source);
    line(text.consumer, agencyName[e.target] || e.target);
    line(text.resource, e.resources.map(function (r) { return r.code + (r.name ? ' ' + r.name : ''); }).join('; '));
    line(text.validity, (e.validFrom || '?') + ' – ' + (e.validTo || '?'));
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
  cy.on('tap', 'edge', function (event) {
    var e = event.target.data('edge');
    showEdge(e);
    if (window.govspecHost && window.govspecHost.inEditor) window.govspecHost.open(e.file, e.line);
  });

  var agencyInput = document.getElementById('govspec-filter-agency');
  var regionSelect = document.getElementById('govspec-filter-region');
  var problemSelect = document.getElementById('govspec-filter-problem');
  var counts = document.getElementById('govspec-map-counts');
  function matchesAgency(node, query) {
    return !query || node.data('label').toLowerCase().indexOf(query) >= 0 || node.data('uscc').toLowerCase().indexOf(query) >= 0;
  }
  function apply() {
    var query = agencyInput.value.trim().toLowerCase();
    var region = regionSelect.value;
    var problem = problemSelect.value;
    var filtering = query || region || problem;
    cy.batch(function () {
      var shown = cy.collection();
      cy.edges().forEach(function (edge) {
        var e = edge.data('edge');
        var ends = [edge.source(), edge.target()];
        var ok = (!problem || (problem === 'any' ? e.problems.length > 0 : e.problems.indexOf(problem) >= 0))
          && (!query || ends.some(function (n) { return matchesAgency(n, query); }))
          && (!region || ends.some(function (n) { return n.data('region') === region; }));
        edge.toggleClass('hidden', !ok);
        if (ok) shown = shown.union(edge).union(edge.connectedNodes());
      });
      cy.nodes('.agency').forEach(function (node) {
        var own = !problem && matchesAgency(node, query) && (!region || node.data('region') === region);
        node.toggleClass('hidden', filtering ? !(own || shown.has(node)) : false);
      });
    });
    // Counted by class: ':visible' may still reflect the style before this batch.
    var visibleEdges = cy.edges().not('.hidden');
    counts.textContent = text.agencies + ' ' + cy.nodes('.agency').not('.hidden').length + ' · ' + text.agreements + ' ' + visibleEdges.length
      + ' · ' + text.problemEdges + ' ' + visibleEdges.filter('.problem').length;
    if (filtering && visibleEdges.length) fitTo(cy.elements().not('.hidden').not('.heading'), 40);
  }
  [agencyInput, regionSelect, problemSelect].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  apply();
  window.govspecMap = { cy: cy, apply: apply, showEdge: showEdge };
})();
`;
