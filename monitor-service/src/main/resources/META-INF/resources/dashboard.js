// Polls /v1/monitoring/dashboard every 2 s and draws the numbers and the SVG charts; no library, no build step.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var POLL_MS = 2000;

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function set(id, text) { document.getElementById(id).textContent = text; }

  function pct(v) { return v === null || v === undefined ? '–' : (100 * v).toFixed(1) + '%'; }

  function ms(v) { return v === null || v === undefined ? '–' : Math.round(v) + ' ms'; }

  // A line over equally spaced values (nulls drawn as 0), scaled to the largest value.
  function line(svgId, values) {
    var svg = document.getElementById(svgId);
    clear(svg);
    var w = 300, h = 120, max = 0;
    values.forEach(function (v) { if (v > max) { max = v; } });
    svg.appendChild(el('line', {'class': 'axis', x1: 0, y1: h - 1, x2: w, y2: h - 1}));
    var step = values.length > 1 ? w / (values.length - 1) : w;
    var points = values.map(function (v, i) {
      var y = max > 0 ? h - 2 - (v || 0) / max * (h - 14) : h - 2;
      return (i * step).toFixed(1) + ',' + y.toFixed(1);
    }).join(' ');
    svg.appendChild(el('polyline', {points: points}));
    svg.appendChild(el('text', {x: 2, y: 10, 'class': 'max'}, 'max ' + (Math.round(max * 10) / 10)));
  }

  // One bar per key, height = value / largest value.
  function bars(svgId, entries, format) {
    var svg = document.getElementById(svgId);
    clear(svg);
    var vb = svg.viewBox.baseVal, w = vb.width, h = vb.height, max = 0;
    entries.forEach(function (e) { if (e[1] > max) { max = e[1]; } });
    if (entries.length === 0) {
      svg.appendChild(el('text', {x: 4, y: h / 2}, 'no data yet'));
      return;
    }
    var slot = w / entries.length;
    entries.forEach(function (e, i) {
      var bh = max > 0 ? e[1] / max * (h - 24) : 0;
      svg.appendChild(el('rect', {'class': 'bar', 'data-key': e[0], 'data-value': e[1],
        x: i * slot + slot * 0.15, y: h - 12 - bh, width: slot * 0.7, height: Math.max(bh, 0.5)}));
      svg.appendChild(el('text', {x: i * slot + 2, y: h - 2}, e[0] + ' ' + format(e[1])));
    });
  }

  function alerts(list) {
    var body = document.getElementById('alerts');
    clear(body);
    if (list.length === 0) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 4;
      td.textContent = 'none';
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    list.forEach(function (a) {
      var tr = document.createElement('tr');
      tr.className = 'alert ' + a.state;
      tr.setAttribute('data-id', a.id);
      [a.rule, a.subject, a.state + (a.acknowledged ? ' (ack)' : ''), a.message].forEach(function (t, i) {
        var td = document.createElement('td');
        td.textContent = t;
        if (i === 2) { td.className = a.state === 'FIRING' ? a.severity : 'RESOLVED'; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function draw(d) {
    var m = d.lastMinute;
    set('throughput-1m', m.throughputPerSecond.toFixed(2));
    set('count-1m', String(m.count));
    set('error-rate-1m', pct(m.errorRate));
    set('p95-1m', ms(m.latencyP95Ms));
    set('stego-rate-1m', pct(m.stegoRate));
    line('chart-throughput', d.series.map(function (p) { return p.perSecond; }));
    line('chart-latency', d.series.map(function (p) { return p.latencyP95Ms; }));
    bars('chart-methods', Object.keys(d.last15m.stegoRateByMethod).sort().map(function (k) {
      return [k, d.last15m.stegoRateByMethod[k]];
    }), pct);
    var c = d.canary;
    set('canary-fpr', pct(c.fpr));
    set('canary-tpr', pct(c.tpr));
    set('canary-results', String(c.cleanResults + c.stegoResults));
    var canaryBars = [];
    if (c.fpr !== null) { canaryBars.push(['FPR', c.fpr]); }
    if (c.tpr !== null) { canaryBars.push(['TPR', c.tpr]); }
    bars('chart-canary', canaryBars, pct);
    alerts(d.alerts);
    set('status', 'updated ' + new Date(d.now).toLocaleTimeString() + ' · ' + d.results + ' results aggregated');
    document.body.setAttribute('data-updated', String(d.now));
  }

  function poll() {
    fetch('/v1/monitoring/dashboard', {cache: 'no-store'})
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(draw)
      .catch(function (e) { set('status', 'unreachable: ' + e.message); })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  poll();
}());
