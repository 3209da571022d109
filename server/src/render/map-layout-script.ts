/**
 * Browser-side layout of the sharing map: fCoSE, a compound-aware force layout, run one group at a time with
 * Math.random seeded for the run so that one workspace always gives one picture, and the placement of groups a search
 * opened. It defines `window.govspecMapLayout(cy)`; map-script.ts calls it with its cytoscape instance.
 */
export const MAP_LAYOUT_SCRIPT = `
window.govspecMapLayout = function (cy) {
  /** A fixed-seed generator (mulberry32) stands in for Math.random while fCoSE runs. */
  function seeded(seed) {
    return function () {
      seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  /** fCoSE over the given elements (all of them by default), seeded so one workspace gives one picture. */
  function runLayout(elements) {
    var saved = Math.random;
    Math.random = seeded(2260);
    try {
      (elements || cy.elements()).layout({ name: 'fcose', quality: 'default', randomize: true, animate: false, fit: false, nodeDimensionsIncludeLabels: true,
        packComponents: true, nodeRepulsion: 9000, idealEdgeLength: 90, nodeSeparation: 90, tile: true,
        tilingPaddingVertical: 12, tilingPaddingHorizontal: 12, numIter: 2500 }).run();
    } finally { Math.random = saved; }
  }

  function isLeaf(n) { return !n.isParent(); }
  /** Where each drawn leaf (agency or collapsed group) stands, by id. */
  function leafPositions() {
    var at = {};
    cy.nodes().filter(isLeaf).forEach(function (n) { at[n.id()] = { x: n.position('x'), y: n.position('y') }; });
    return at;
  }
  /** Room an expanded group's frame takes around its contents: its padding and, above, its name. */
  var FRAME = { side: 10, top: 30 };
  /**
   * Lays out sibling nodes (a group's children, or the top-level nodes) one level at a time: each expanded group among
   * them is laid out inside first and then stands in as a placeholder box of its frame's size. No fCoSE run sees more
   * than one level (its cost grows faster than the number of nodes it is given), nothing is removed and restored
   * (which would style every node again), and every frame is as tight as what it holds.
   */
  function layoutLevel(siblings) {
    var inner = siblings.filter(function (n) { return n.isParent(); });
    var leaves = siblings.filter(isLeaf);
    inner.forEach(function (g) { layoutLevel(g.children()); });
    var boxes = inner.map(function (g) {
      var box = g.descendants().filter(isLeaf).boundingBox({ includeLabels: true, includeOverlays: false });
      var label = g.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      return { group: g, centre: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 },
        element: { group: 'nodes', data: { id: 'box:' + g.id(), w: Math.max(box.w, label.w || 0) + 2 * FRAME.side, h: box.h + FRAME.side + FRAME.top }, classes: 'placeholder' } };
    });
    var stand = cy.add(boxes.map(function (b) { return b.element; }));
    runLayout(leaves.union(stand));
    boxes.forEach(function (b) {
      var at = cy.getElementById(b.element.data.id).position();
      // The frame's name sits above its contents: they stand that much lower than the box's centre.
      b.group.descendants().filter(isLeaf).shift({ x: at.x - b.centre.x, y: at.y - b.centre.y + (FRAME.top - FRAME.side) / 2 });
    });
    stand.remove();
  }
  /**
   * Where to centre the contents (\`box\`) of an opened group: the nearest point to \`at\`, on rings a third of its
   * size apart, where its frame covers no node outside it (its ancestors' frames aside); \`at\` when there is none near.
   */
  function freeSpot(root, box, at) {
    var inside = root.union(root.descendants()).union(root.ancestors());
    var obstacles = cy.nodes().filter(function (n) { return !inside.contains(n); })
      .map(function (n) { return n.boundingBox({ includeLabels: true, includeOverlays: false }); });
    var half = { w: box.w / 2 + FRAME.side, up: box.h / 2 + FRAME.top, down: box.h / 2 + FRAME.side };
    var step = Math.max(30, Math.min(box.w, box.h) / 3);
    var clear = function (c) {
      return obstacles.every(function (o) { return o.x2 <= c.x - half.w || o.x1 >= c.x + half.w || o.y2 <= c.y - half.up || o.y1 >= c.y + half.down; });
    };
    for (var ring = 0; ring <= 30; ring++) {
      var candidates = [];
      for (var i = -ring; i <= ring; i++) for (var j = -ring; j <= ring; j++) if (Math.max(Math.abs(i), Math.abs(j)) === ring) candidates.push([i, j]);
      candidates.sort(function (a, b) { return a[0] * a[0] + a[1] * a[1] - b[0] * b[0] - b[1] * b[1] || a[1] - b[1] || a[0] - b[0]; });
      for (var k = 0; k < candidates.length; k++) {
        var c = { x: at.x + candidates[k][0] * step, y: at.y + candidates[k][1] * step };
        if (clear(c)) return c;
      }
    }
    return at;
  }
  /**
   * After groups were only opened (a search): the leaves drawn before keep their places, and each group that was a
   * collapsed box is laid out on its own and placed where the box stood, or the nearest place where it covers no
   * other node. False when a new node lies outside such a group (the whole map must be laid out).
   */
  function placeOpened(before) {
    var roots = cy.nodes('.group.expanded').filter(function (g) { return !!before[g.id()]; });
    var inside = roots.union(roots.descendants());
    if (cy.nodes().some(function (n) { return isLeaf(n) && !inside.contains(n) && !before[n.id()]; })) return false;
    cy.nodes().forEach(function (n) { if (isLeaf(n) && !inside.contains(n)) n.position(before[n.id()]); });
    roots.forEach(function (root) {
      layoutLevel(root.children());
      var leaves = root.descendants().filter(isLeaf), box = leaves.boundingBox({ includeLabels: true, includeOverlays: false });
      var to = freeSpot(root, box, before[root.id()]);
      leaves.shift({ x: to.x - (box.x1 + box.x2) / 2, y: to.y - (box.y1 + box.y2) / 2 });
    });
    return true;
  }

  return { leafPositions: leafPositions, layoutLevel: layoutLevel, placeOpened: placeOpened };
};
`;
