/**
 * Browser-side model of the sharing map, without cytoscape: which groups are expanded, what is drawn for a given
 * expansion and filter (agencies of expanded groups, collapsed groups as single nodes, agreements between collapsed
 * groups summed into one edge with a count and the worst problem), and the first expansion. It defines
 * `window.govspecMapModel`; map-script.ts draws what it returns.
 *
 * MAX_VISIBLE is the threshold of the semantic zoom: at first paint groups are expanded breadth first (provinces,
 * then prefectures, then counties) for as long as the drawn nodes stay within it; a click expands one group further.
 * 60 nodes, each with a full two-line label, fit a 1,000 × 630 canvas at a readable zoom.
 */
export const MAX_VISIBLE = 60;

/**
 * A search opens a group of at most this many children (sub-groups and agencies) whole; in a larger one it draws only
 * the child on the way to the agency found and one box for the rest (a click on the box opens the group whole). A
 * search then styles and lays out a branch of a few dozen nodes, not a prefecture's counties with an edge between
 * every two of them and a county's hundreds of agencies.
 */
export const SEARCH_OPENS_WHOLE = 20;

/** Worst first: the order in which an aggregated edge takes its colour from the problems it sums. */
export const WORST_FIRST = ['unshared', 'safeguards', 'expired', 'reply'] as const;

export const MAP_MODEL_SCRIPT = `
(function () {
  var MAX_VISIBLE = ${MAX_VISIBLE};
  var SEARCH_OPENS_WHOLE = ${SEARCH_OPENS_WHOLE};
  var WORST_FIRST = ${JSON.stringify(WORST_FIRST)};

  function Model(graph) {
    var self = this;
    this.graph = graph;
    this.groups = {}; this.children = {}; this.members = {}; this.agencies = {}; this.ancestors = {};
    graph.groups.forEach(function (g) { self.groups[g.id] = g; self.children[g.id] = []; self.members[g.id] = []; });
    graph.groups.forEach(function (g) { if (g.parent) self.children[g.parent].push(g.id); });
    this.roots = graph.groups.filter(function (g) { return !g.parent; }).map(function (g) { return g.id; });
    graph.groups.forEach(function (g) { self.ancestors[g.id] = g.parent ? self.ancestors[g.parent].concat([g.id]) : [g.id]; });
    graph.nodes.slice().sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1; })
      .forEach(function (n) { self.agencies[n.id] = n; self.members[n.group].push(n.id); });
    this.edgesById = {};
    graph.edges.forEach(function (e) { self.edgesById[e.id] = e; });
  }

  /** The first expansion: breadth first while the drawn nodes stay within MAX_VISIBLE (a lone root always opens). */
  Model.prototype.initialExpansion = function () {
    var self = this, expanded = {}, visible = this.roots.length, queue = this.roots.slice();
    while (queue.length) {
      var id = queue.shift();
      var cost = this.children[id].length + this.members[id].length;
      if (visible + cost > MAX_VISIBLE && !(this.roots.length === 1 && id === this.roots[0])) continue;
      expanded[id] = true;
      visible += cost;
      this.children[id].forEach(function (c) { queue.push(c); });
    }
    return expanded;
  };

  /** The id of the box that stands for the children of a group its focus leaves out. */
  Model.restId = function (group) { return 'rest:' + group; };

  /** The way down to an agency: each group from the outermost, with the child of it the way goes through. */
  Model.prototype.way = function (agencyId) {
    var path = this.ancestors[this.agencies[agencyId].group];
    return path.map(function (g, i) { return { group: g, child: i + 1 < path.length ? path[i + 1] : agencyId }; });
  };

  /**
   * The drawn node standing for an agency: the outermost collapsed group above it, the box for the rest of a group
   * whose \`focus\` (group id → { child id: true }) leaves the way to it out, else the agency itself.
   */
  Model.prototype.representative = function (agencyId, expanded, focus) {
    var way = this.way(agencyId);
    for (var i = 0; i < way.length; i++) {
      var g = way[i].group;
      if (!expanded[g]) return g;
      if (focus && focus[g] && !focus[g][way[i].child]) return Model.restId(g);
    }
    return agencyId;
  };

  /**
   * Groups to expand so that an agency is drawn itself. With \`focus\`, a group on the way with more than
   * SEARCH_OPENS_WHOLE children that is not open whole already draws only the children on the way to the agencies
   * revealed in it (and a box for the rest).
   */
  Model.prototype.reveal = function (agencyId, expanded, focus) {
    var self = this;
    this.way(agencyId).forEach(function (step) {
      var g = step.group, whole = expanded[g] && !(focus && focus[g]);
      if (focus && !whole && self.children[g].length + self.members[g].length > SEARCH_OPENS_WHOLE) {
        focus[g] = focus[g] || {};
        focus[g][step.child] = true;
      }
      expanded[g] = true;
    });
  };

  Model.prototype.edgePasses = function (e, filter) {
    var problem = filter.problemsOnly && !filter.problem ? 'any' : filter.problem;
    if (problem && !(problem === 'any' ? e.problems.length > 0 : e.problems.indexOf(problem) >= 0)) return false;
    if (filter.cross && !e.cross[filter.cross]) return false;
    if (filter.region) {
      var self = this;
      var inside = function (id) { var r = self.agencies[id].region; return !!r && (r === filter.region || (filter.region.slice(2) === '0000' ? r.slice(0, 2) === filter.region.slice(0, 2) : filter.region.slice(4) === '00' && r.slice(0, 4) === filter.region.slice(0, 4))); };
      if (!inside(e.source) && !inside(e.target)) return false;
    }
    return true;
  };

  function worst(problems) {
    for (var i = 0; i < WORST_FIRST.length; i++) if (problems.indexOf(WORST_FIRST[i]) >= 0) return WORST_FIRST[i];
    return '';
  }

  function crossClasses(cross) {
    return (cross.level ? ['cross-level'] : []).concat(cross.region ? ['cross-region'] : []).concat(cross.department ? ['cross-department'] : []);
  }

  /**
   * What to draw: { nodes, edges, counts }. With a filter on, only the ends of the agreements that pass are drawn
   * (and the groups that hold them); an agreement inside one collapsed group is counted on that group. A collapsed
   * group's \`problem\` says that a problem agreement starts or ends inside it. \`focus\`: see \`representative\`.
   */
  Model.prototype.view = function (expanded, filter, focus) {
    var self = this;
    var filtering = !!(filter.problem || filter.problemsOnly || filter.cross || filter.region);
    var edges = this.graph.edges.filter(function (e) { return self.edgePasses(e, filter); });
    var shown = {};
    if (filtering) edges.forEach(function (e) { shown[e.source] = true; shown[e.target] = true; });
    else Object.keys(this.agencies).forEach(function (id) { shown[id] = true; });
    var shownUnder = {}, internal = {};
    Object.keys(shown).forEach(function (id) {
      self.ancestors[self.agencies[id].group].forEach(function (g) { shownUnder[g] = (shownUnder[g] || 0) + 1; });
    });
    var nodes = [];
    function visit(id) {
      if (!shownUnder[id]) return;
      var g = self.groups[id];
      if (expanded[id]) {
        nodes.push({ id: id, kind: 'group', expanded: true, group: g, parent: g.parent, count: shownUnder[id] });
        var only = focus && focus[id], rest = 0;
        self.children[id].forEach(function (c) { if (only && !only[c]) rest += shownUnder[c] || 0; else visit(c); });
        self.members[id].forEach(function (a) {
          if (!shown[a]) return;
          if (only && !only[a]) rest++;
          else nodes.push({ id: a, kind: 'agency', agency: self.agencies[a], parent: id });
        });
        if (rest) nodes.push({ id: Model.restId(id), kind: 'rest', group: g, parent: id, count: rest });
      } else {
        nodes.push({ id: id, kind: 'group', expanded: false, group: g, parent: g.parent, count: shownUnder[id] });
      }
    }
    this.roots.forEach(visit);
    var drawn = [], summed = {}, order = [], problemAt = {};
    edges.forEach(function (e) {
      var s = self.representative(e.source, expanded, focus), t = self.representative(e.target, expanded, focus);
      if (e.problems.length) { problemAt[s] = true; problemAt[t] = true; }
      if (s === e.source && t === e.target) {
        drawn.push({ id: e.id, source: s, target: t, edge: e, classes: ['agreement'].concat(e.problems.length ? ['problem', 'worst-' + worst(e.problems)] : []).concat(e.problems).concat(crossClasses(e.cross)) });
        return;
      }
      if (s === t) { internal[s] = (internal[s] || 0) + 1; return; }
      var key = s + '\\u0000' + t;
      var sum = summed[key];
      if (!sum) { sum = summed[key] = { id: 'sum:' + s + '>' + t, source: s, target: t, count: 0, problems: [], cross: { level: false, region: false, department: false }, agreements: [] }; order.push(key); }
      sum.count++;
      sum.agreements.push(e.id);
      e.problems.forEach(function (p) { if (sum.problems.indexOf(p) < 0) sum.problems.push(p); });
      ['level', 'region', 'department'].forEach(function (k) { sum.cross[k] = sum.cross[k] || e.cross[k]; });
    });
    order.forEach(function (key) {
      var sum = summed[key];
      sum.classes = ['aggregate'].concat(sum.problems.length ? ['problem', 'worst-' + worst(sum.problems)] : []).concat(crossClasses(sum.cross));
      drawn.push(sum);
    });
    nodes.forEach(function (n) { if (n.kind !== 'agency') { n.internal = internal[n.id] || 0; n.problem = !!problemAt[n.id]; } });
    return { nodes: nodes, edges: drawn, agencies: Object.keys(shown).length, agreements: edges.length,
      problemAgreements: edges.filter(function (e) { return e.problems.length > 0; }).length };
  };

  /** Agencies whose name or USCC contains the query; exact names first, then by name. */
  Model.prototype.search = function (query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var self = this;
    return Object.keys(this.agencies).filter(function (id) {
      var a = self.agencies[id];
      return a.name.toLowerCase().indexOf(q) >= 0 || a.uscc.toLowerCase().indexOf(q) >= 0;
    }).sort(function (x, y) {
      var ex = self.agencies[x].name.toLowerCase() === q ? 0 : 1, ey = self.agencies[y].name.toLowerCase() === q ? 0 : 1;
      return ex - ey || self.agencies[x].name.length - self.agencies[y].name.length || (x < y ? -1 : 1);
    });
  };

  window.govspecMapModel = Model;
})();
`;
