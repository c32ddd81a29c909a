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

  function hhmmss(t) { return new Date(t).toTimeString().slice(0, 8); }

  function round(v) { return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10); }

  // A line over time: x from each point's bucket start, a time axis with a tick and its time every 15 s, a y axis
  // with 0 and the largest value. Empty buckets (null) are drawn as 0.
  function line(svgId, series, value) {
    var svg = document.getElementById(svgId);
    clear(svg);
    var vb = svg.viewBox.baseVal, w = vb.width, h = vb.height;
    var left = 34, right = 8, top = 8, bottom = 18, max = 0;
    var plotW = w - left - right, plotH = h - top - bottom;
    var values = series.map(value);
    values.forEach(function (v) { if (v > max) { max = v; } });
    if (series.length === 0) { return; }
    var t0 = series[0].t, t1 = series[series.length - 1].t, span = Math.max(t1 - t0, 1);
    function x(t) { return left + (t - t0) / span * plotW; }
    function y(v) { return top + plotH - (max > 0 ? (v || 0) / max * plotH : 0); }
    svg.appendChild(el('line', {'class': 'axis axis-x', x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH}));
    svg.appendChild(el('line', {'class': 'axis axis-y', x1: left, y1: top, x2: left, y2: top + plotH}));
    svg.appendChild(el('text', {'class': 'tick-y', x: left - 3, y: top + plotH, 'text-anchor': 'end'}, '0'));
    svg.appendChild(el('text', {'class': 'tick-y', x: left - 3, y: top + 8, 'text-anchor': 'end'}, round(max)));
    var every = 15000;
    for (var t = Math.ceil(t0 / every) * every; t <= t1; t += every) {
      svg.appendChild(el('line', {'class': 'axis tick', x1: x(t), y1: top + plotH, x2: x(t), y2: top + plotH + 3}));
      svg.appendChild(el('text', {'class': 'tick-x', x: x(t), y: h - 3, 'text-anchor': 'middle',
        'data-t': t}, hhmmss(t)));
    }
    var points = series.map(function (p, i) {
      return x(p.t).toFixed(1) + ',' + y(values[i]).toFixed(1);
    }).join(' ');
    svg.appendChild(el('polyline', {points: points}));
  }

  // One horizontal bar per key, its label left of it and its value right: labels never share a line, however many.
  function bars(svgId, entries, format) {
    var svg = document.getElementById(svgId);
    clear(svg);
    var row = 16, labelW = 70, valueW = 48, w = 300, max = 0;
    var h = Math.max(entries.length, 1) * row + 4;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.style.height = (h * 1.1) + 'px';
    entries.forEach(function (e) { if (e[1] > max) { max = e[1]; } });
    if (entries.length === 0) {
      svg.appendChild(el('text', {x: 4, y: 13}, 'no data yet'));
      return;
    }
    entries.forEach(function (e, i) {
      var top = 2 + i * row, bw = max > 0 ? e[1] / max * (w - labelW - valueW) : 0;
      svg.appendChild(el('text', {'class': 'label', x: labelW - 4, y: top + 11, 'text-anchor': 'end'}, e[0]));
      svg.appendChild(el('rect', {'class': 'bar', 'data-key': e[0], 'data-value': e[1],
        x: labelW, y: top + 2, width: Math.max(bw, 0.5), height: row - 5}));
      svg.appendChild(el('text', {'class': 'value', x: labelW + bw + 4, y: top + 11}, format(e[1])));
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
    line('chart-throughput', d.series, function (p) { return p.perSecond; });
    line('chart-latency', d.series, function (p) { return p.latencyP95Ms; });
    var paths = m.byPath || {};
    set('path-http-1m', String(paths.http || 0));
    set('path-kafka-1m', String(paths.kafka || 0));
    var paths15 = d.last15m.byPath || {};
    bars('chart-paths', Object.keys(paths15).sort().map(function (k) { return [k, paths15[k]]; }), String);
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
