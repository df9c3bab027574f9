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
      { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#111' } }
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
  window.kuja = { cy: cy, show: show, ready: true };
})();
