(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kuja-data').textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var shapes = { 'function': 'round-rectangle', 'resource': 'ellipse', 'supplier': 'diamond' };
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: 'nodes', data: { id: n.id, label: n.id, color: n.color,
      shape: shapes[n.kind] || 'ellipse' }, position: { x: n.x, y: n.y },
      classes: (n.spof ? 'spof-' + n.spof : '') + ' kind-' + n.kind });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target },
      classes: (e['interface'] ? 'iface' : '') + (e.redundant ? ' redundant' : '') });
  });
  var cy = cytoscape({
    container: document.getElementById('graph'),
    elements: elements,
    layout: { name: 'preset', fit: true, padding: 30 },
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', 'shape': 'data(shape)',
        'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
        'width': 34, 'height': 34, 'border-width': 1, 'border-color': '#555' } },
      { selector: 'node.kind-function', style: { 'width': 60, 'height': 30 } },
      { selector: 'node.spof-direct', style: { 'border-width': 5, 'border-color': '#d62728' } },
      { selector: 'node.spof-common', style: { 'border-width': 5, 'border-color': '#9467bd' } },
      { selector: 'edge', style: { 'width': 1.2, 'line-color': '#aaa', 'target-arrow-color': '#aaa',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: 'edge.iface', style: { 'line-style': 'dashed', 'line-color': '#555',
        'target-arrow-color': '#555' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: 'node.match', style: { 'border-width': 6, 'border-color': '#17becf' } },
      { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#111' } },
      { selector: 'edge.critical', style: { 'width': 4, 'line-color': '#d62728', 'target-arrow-color': '#d62728' } }
    ]
  });
  var details = document.getElementById('details');
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function list(title, items) {
    details.appendChild(el('h4', title + ' (' + items.length + ')'));
    if (items.length === 0) { details.appendChild(el('p', 'none')); return; }
    var ul = el('ul');
    items.forEach(function (t) { ul.appendChild(el('li', t)); });
    details.appendChild(ul);
  }
  function show(id) {
    var n = byId[id];
    details.textContent = '';
    details.appendChild(el('h3', n.name));
    var meta = n.kind + ' · ' + n.id + (n.ownerName ? ' · ' + n.ownerName : '');
    if (n.kind === 'function') {
      meta += ' · ' + n.criticality + ' · MTPD ' + (n.mtpd || '-') + ' · RTO ' + (n.rto || '-');
    }
    details.appendChild(el('p', meta));
    if (n.source) { details.appendChild(el('p', 'from ' + n.source)); }
    if (n.spof) {
      details.appendChild(el('p', n.spof === 'common' ? 'A common-cause single point of failure'
        : 'A single point of failure'));
    }
    list('Requires', n.requires);
    list('Required by', n.requiredBy);
    if (n.kind === 'function') { list('Single points of failure', n.spofs); }
    cy.elements().removeClass('faded');
    var hood = cy.getElementById(id).closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
  }
  cy.on('tap', 'node', function (evt) { show(evt.target.id()); });
  cy.on('tap', function (evt) {
    if (evt.target === cy) { cy.elements().removeClass('faded'); }
  });
  var search = document.getElementById('search');
  var result = document.getElementById('search-result');
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    cy.nodes().removeClass('match');
    if (!q) { result.textContent = ''; return; }
    var hits = cy.nodes().filter(function (node) {
      var n = byId[node.id()];
      return n.id.toLowerCase().indexOf(q) >= 0 || n.name.toLowerCase().indexOf(q) >= 0;
    });
    hits.addClass('match');
    result.textContent = hits.length + ' found';
    if (hits.length > 0) { cy.animate({ fit: { eles: hits, padding: 80 } }, { duration: 300 }); }
    if (hits.length === 1) { show(hits[0].id()); }
  });
  // the coordination matrix: a cell shows its critical interfaces in the graph
  function pair(dependent, provider) {
    var found = null;
    (data.coordination || []).forEach(function (p) {
      if (p.dependent === dependent && p.provider === provider) { found = p; }
    });
    return found;
  }
  function showPair(dependent, provider) {
    var p = pair(dependent, provider);
    cy.edges().removeClass('critical');
    cy.elements().removeClass('faded');
    if (!p) { return 0; }
    var hood = cy.collection();
    p.interfaces.forEach(function (i) {
      var edges = cy.edges().filter(function (e) {
        return e.data('source') === i[1] && e.data('target') === i[0];
      });
      edges.addClass('critical');
      hood = hood.union(edges).union(edges.connectedNodes());
    });
    cy.elements().not(hood).addClass('faded');
    return p.interfaces.length;
  }
  document.querySelectorAll('table.coordination td.cell[data-dependent]').forEach(function (td) {
    td.addEventListener('click', function () {
      document.querySelectorAll('table.coordination td.selected').forEach(function (x) { x.classList.remove('selected'); });
      td.classList.add('selected');
      showPair(td.getAttribute('data-dependent'), td.getAttribute('data-provider'));
      document.getElementById('graph').scrollIntoView({ behavior: 'smooth' });
    });
  });
  window.kuja = { cy: cy, show: show, showPair: showPair, ready: true };
})();
