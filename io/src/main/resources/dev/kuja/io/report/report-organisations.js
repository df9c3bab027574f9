(function () {
  'use strict';
  // The view of a large model: its organisations, and any function's neighbourhood on demand,
  // drawn from the compact data of the whole model (see HtmlReport.organisationData).
  var data = JSON.parse(document.getElementById('kuja-data').textContent);
  var NEIGHBOURHOOD_LIMIT = 400;
  var ids = data.ids;
  var index = new Map();
  for (var i = 0; i < ids.length; i++) { index.set(ids[i], i); }
  var functionAt = new Map();
  data.functions.forEach(function (v, p) { functionAt.set(v, p); });
  var kindName = { f: 'function', r: 'resource', s: 'supplier' };
  var shapes = { 'function': 'round-rectangle', 'resource': 'ellipse', 'supplier': 'diamond' };
  var container = document.getElementById('graph');
  var details = document.getElementById('details');
  var search = document.getElementById('search');
  var result = document.getElementById('search-result');
  var matches = document.getElementById('matches');
  var back = document.getElementById('back');

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function nameOf(v) { return data.names[ids[v]] || ids[v]; }
  function ownerOf(v) { return data.owners[v] < 0 ? '' : data.orgIds[data.owners[v]]; }
  function button(text, action) {
    var b = el('button', text);
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
  }

  var maxCarried = 1;
  var maxSpof = 1;
  data.organisations.forEach(function (o) { maxCarried = Math.max(maxCarried, o.carried); });
  data.links.forEach(function (l) { maxSpof = Math.max(maxSpof, l.spofInterfaces); });
  function organisationElements() {
    var elements = [];
    data.organisations.forEach(function (o) {
      elements.push({ group: 'nodes', data: { id: 'org:' + o.id, org: o.id, label: o.name,
        color: o.color, size: 20 + 70 * Math.log(1 + o.carried) / Math.log(1 + maxCarried), carried: o.carried },
        classes: 'org' });
    });
    data.links.forEach(function (l, k) {
      if (l.source === l.target) { return; }
      elements.push({ group: 'edges', data: { id: 'link:' + k, source: 'org:' + l.source,
        target: 'org:' + l.target, width: 1 + 7 * l.spofInterfaces / maxSpof },
        classes: l.spofInterfaces > 0 ? 'iface spof' : 'iface' });
    });
    return elements;
  }

  var cy = cytoscape({
    container: container,
    elements: organisationElements(),
    layout: { name: 'concentric', concentric: function (n) { return n.data('carried'); },
      levelWidth: function () { return maxCarried / 5; }, minNodeSpacing: 12, animate: false },
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', 'label': 'data(label)',
        'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'border-width': 1,
        'border-color': '#555' } },
      { selector: 'node.org', style: { 'width': 'data(size)', 'height': 'data(size)' } },
      { selector: 'node.unit', style: { 'shape': 'data(shape)', 'width': 34, 'height': 34 } },
      { selector: 'node.kind-function', style: { 'width': 60, 'height': 30 } },
      { selector: 'node.spof-direct', style: { 'border-width': 5, 'border-color': '#d62728' } },
      { selector: 'node.spof-common', style: { 'border-width': 5, 'border-color': '#9467bd' } },
      { selector: 'node.root', style: { 'border-width': 6, 'border-color': '#111' } },
      { selector: 'edge', style: { 'width': 1.2, 'line-color': '#aaa', 'target-arrow-color': '#aaa',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: 'edge[width]', style: { 'width': 'data(width)' } },
      { selector: 'edge.iface', style: { 'line-style': 'dashed', 'line-color': '#555',
        'target-arrow-color': '#555' } },
      { selector: 'edge.spof', style: { 'line-color': '#d62728', 'target-arrow-color': '#d62728' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#111' } }
    ]
  });
  var organisationPositions = {};
  cy.nodes().forEach(function (n) { organisationPositions[n.id()] = Object.assign({}, n.position()); });
  var state = { view: 'organisations', function: null };

  function list(title, items) {
    details.appendChild(el('h4', title + ' (' + items.length + ')'));
    if (items.length === 0) { details.appendChild(el('p', 'none')); return; }
    var ul = el('ul');
    items.forEach(function (t) {
      var li = el('li');
      if (typeof t === 'string') { li.textContent = t; } else { li.appendChild(t); }
      ul.appendChild(li);
    });
    details.appendChild(ul);
  }

  function showOrganisation(orgId) {
    var o = data.organisations.find(function (x) { return x.id === orgId; });
    details.textContent = '';
    details.appendChild(el('h3', o.name));
    details.appendChild(el('p', o.id + ' · ' + o.nodes + ' nodes, ' + o.functions + ' functions · '
      + o.carried + ' single points of failure carried'));
    var own = data.orgIds.indexOf(orgId);
    var fns = [];
    for (var p = 0; p < data.functions.length && fns.length < 50; p++) {
      var v = data.functions[p];
      if (data.owners[v] === own) {
        fns.push(button(ids[v] + ' (' + (data.spofStart[p + 1] - data.spofStart[p]) + ' SPOFs)',
          neighbourhood.bind(null, ids[v])));
      }
    }
    list(o.functions > fns.length ? 'Functions, the first ' + fns.length : 'Functions', fns);
    cy.elements().removeClass('faded');
    var hood = cy.getElementById('org:' + orgId).closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
  }

  /** The SPOFs of function v: [node, common] pairs. */
  function spofsOf(v) {
    var p = functionAt.get(v);
    var out = [];
    for (var j = data.spofStart[p]; j < data.spofStart[p + 1]; j++) {
      out.push([data.spofNodes[j], data.spofCommon.charAt(j) === '1']);
    }
    return out;
  }

  /** Draws the dependency closure of a function (at most NEIGHBOURHOOD_LIMIT nodes), in tiers. */
  function neighbourhood(fnId) {
    var f = index.get(fnId);
    if (f === undefined || !functionAt.has(f)) { return false; }
    var tier = new Map([[f, 0]]);
    var order = [f];
    for (var h = 0; h < order.length && order.length < NEIGHBOURHOOD_LIMIT; h++) {
      var v = order[h];
      for (var q = data.reqStart[v]; q < data.reqStart[v + 1]; q++) {
        for (var a = data.altStart[q]; a < data.altStart[q + 1]; a++) {
          var u = data.alts[a];
          if (!tier.has(u) && order.length < NEIGHBOURHOOD_LIMIT) { tier.set(u, tier.get(v) + 1); order.push(u); }
        }
      }
    }
    var mark = new Map();
    spofsOf(f).forEach(function (s) { mark.set(s[0], s[1] ? 'common' : 'direct'); });
    var rows = new Map();
    order.forEach(function (v) {
      var t = tier.get(v);
      if (!rows.has(t)) { rows.set(t, []); }
      rows.get(t).push(v);
    });
    var elements = [];
    var y = 0;
    Array.from(rows.keys()).sort(function (a, b) { return a - b; }).forEach(function (t) {
      var row = rows.get(t).sort(function (a, b) {
        return ownerOf(a) < ownerOf(b) ? -1 : ownerOf(a) > ownerOf(b) ? 1 : a - b;
      });
      for (var start = 0; start < row.length; start += 12) {
        var part = row.slice(start, start + 12);
        part.forEach(function (v, k) {
          var kind = kindName[data.kinds.charAt(v)];
          elements.push({ group: 'nodes', data: { id: ids[v], label: ids[v],
            color: data.owners[v] < 0 ? '#cccccc' : data.palette[data.owners[v] % data.palette.length],
            shape: shapes[kind] },
            position: { x: k * 130 - (part.length - 1) * 65, y: y + (k % 2) * 30 },
            classes: 'unit kind-' + kind + (mark.has(v) ? ' spof-' + mark.get(v) : '') + (v === f ? ' root' : '') });
        });
        y += 90;
      }
      y += 60;
    });
    order.forEach(function (v) {
      for (var q = data.reqStart[v]; q < data.reqStart[v + 1]; q++) {
        var n = data.altStart[q + 1] - data.altStart[q];
        for (var a = data.altStart[q]; a < data.altStart[q + 1]; a++) {
          var u = data.alts[a];
          if (!tier.has(u)) { continue; }
          var crossing = ownerOf(u) && ownerOf(v) && ownerOf(u) !== ownerOf(v);
          elements.push({ group: 'edges', data: { id: 'e:' + ids[v] + ':' + q + ':' + ids[u],
            source: ids[u], target: ids[v] }, classes: (crossing ? 'iface' : '') + (data.reqK[q] < n ? ' redundant' : '') });
        }
      }
    });
    cy.startBatch();
    cy.elements().remove();
    cy.add(elements);
    cy.endBatch();
    cy.fit(undefined, 30);
    state.view = 'neighbourhood';
    state['function'] = fnId;
    back.hidden = false;
    showUnit(fnId, order.length >= NEIGHBOURHOOD_LIMIT);
    return true;
  }

  function showUnit(id, truncated) {
    var v = index.get(id);
    var kind = kindName[data.kinds.charAt(v)];
    details.textContent = '';
    details.appendChild(el('h3', nameOf(v)));
    var owner = ownerOf(v);
    var p = functionAt.get(v);
    details.appendChild(el('p', kind + ' · ' + id + (owner ? ' · ' + data.orgNames[data.owners[v]] : '')
      + (p !== undefined && data.criticality[p] ? ' · ' + data.criticality[p] : '')));
    if (truncated) {
      details.appendChild(el('p', 'Only the ' + NEIGHBOURHOOD_LIMIT + ' nodes nearest to it are drawn.'));
    }
    var requires = [];
    for (var q = data.reqStart[v]; q < data.reqStart[v + 1]; q++) {
      var alts = [];
      for (var a = data.altStart[q]; a < data.altStart[q + 1]; a++) { alts.push(ids[data.alts[a]]); }
      var n = alts.length;
      var k = data.reqK[q];
      requires.push(k === n ? alts.join(', ') : k + ' of ' + alts.join(', '));
    }
    list('Requires', requires);
    if (p !== undefined) {
      var spofs = spofsOf(v).map(function (s) { return (s[1] ? 'common-cause ' : '') + ids[s[0]]; });
      list('Single points of failure', spofs);
    }
  }

  function showOrganisations() {
    cy.startBatch();
    cy.elements().remove();
    cy.add(organisationElements());
    cy.nodes().forEach(function (n) { n.position(organisationPositions[n.id()]); });
    cy.endBatch();
    cy.fit(undefined, 30);
    state.view = 'organisations';
    state['function'] = null;
    back.hidden = true;
    details.textContent = '';
    details.appendChild(el('p', 'Click an organisation to see what it carries and its functions.'));
  }

  cy.on('tap', 'node', function (evt) {
    var n = evt.target;
    if (state.view === 'organisations') {
      showOrganisation(n.data('org'));
    } else {
      showUnit(n.id(), false);
      if (functionAt.has(index.get(n.id())) && n.id() !== state['function']) {
        details.appendChild(button('Draw its neighbourhood', neighbourhood.bind(null, n.id())));
      }
    }
  });
  cy.on('tap', function (evt) {
    if (evt.target === cy) { cy.elements().removeClass('faded'); }
  });
  back.addEventListener('click', showOrganisations);

  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    matches.textContent = '';
    if (!q) { result.textContent = ''; return; }
    var found = [];
    var count = 0;
    for (var p = 0; p < data.functions.length; p++) {
      var v = data.functions[p];
      if (ids[v].toLowerCase().indexOf(q) >= 0 || nameOf(v).toLowerCase().indexOf(q) >= 0) {
        count++;
        if (found.length < 20) { found.push(ids[v]); }
      }
    }
    result.textContent = count + ' functions found' + (count > found.length ? ', the first ' + found.length + ' listed' : '');
    found.forEach(function (id) { matches.appendChild(button(id, neighbourhood.bind(null, id))); });
    if (count === 1) { neighbourhood(found[0]); }
  });

  window.kuja = { cy: cy, state: state, neighbourhood: neighbourhood, organisations: showOrganisations,
    showOrganisation: showOrganisation, ready: true };
})();
