// The dashboard: counts by state and by partner, nodes, and throughput over time drawn as an SVG chart.
import * as api from './api.js';
import {h, show, badge, time, table} from './dom.js';

const WINDOWS = {'1h': ['PT1H', 'PT5M'], '24h': ['PT24H', 'PT1H'], '7d': ['P7D', 'PT6H']};
const SVG = 'http://www.w3.org/2000/svg';

export async function dashboardView(params) {
  const chosen = WINDOWS[params.get('window')] ? params.get('window') : '24h';
  const [span, bucket] = WINDOWS[chosen];
  const until = new Date();
  const since = new Date(until.getTime() - millis(span));
  const d = await api.get('dashboard', {since: since.toISOString(), until: until.toISOString(), bucket});
  const total = Object.values(d.byState || {}).reduce((a, b) => a + b, 0);
  show(
      h('h1', {}, 'Dashboard'),
      h('div', {class: 'actions'}, 'Window:', Object.keys(WINDOWS).map(w =>
          h('a', {href: '#/dashboard?window=' + w, class: w === chosen ? 'badge ok' : 'badge'}, 'last ' + w))),
      h('div', {class: 'tiles', id: 'state-tiles'},
          tile('messages', total, 'total'),
          Object.entries(d.byState || {}).sort((a, b) => b[1] - a[1]).map(([state, n]) => tile(state, n, state)),
          tile('nodes', (d.nodes || {}).total || 0, 'nodes' + ((d.nodes || {}).stale ? ', ' + d.nodes.stale + ' stale' : ''))),
      h('h2', {}, 'Throughput (messages created per ' + bucket.replace('PT', '').toLowerCase() + ', UTC)'),
      h('div', {class: 'card chart', id: 'throughput'}, chart(d.throughput || []),
          h('div', {class: 'legend'}, h('span', {}, h('span', {class: 'swatch out'}), 'outbound'),
              h('span', {}, h('span', {class: 'swatch in'}), 'inbound'))),
      h('h2', {}, 'By partner'),
      h('div', {id: 'by-partner'}, table(['Partner', {label: 'Messages', num: true}, 'By state'], (d.byPartner || []).map(p =>
          h('tr', {}, h('td', {}, h('a', {href: '#/search?partner=' + encodeURIComponent(p.partner)}, p.partner)),
              h('td', {class: 'num'}, p.total),
              h('td', {}, Object.entries(p.byState || {}).map(([s, n]) => h('span', {}, badge(s), ' ' + n + ' '))))),
          'No message in this window.')));
}

function tile(key, n, label) {
  return h('div', {class: 'tile', 'data-state': key}, h('div', {class: 'n'}, n), h('div', {class: 'l'}, label));
}

/** Side-by-side bars per bucket, outbound and inbound, on a scale with a few labelled lines. */
function chart(buckets) {
  const width = 1000, height = 240, left = 44, bottom = 22, top = 8;
  // the scale's top is a multiple of 4, so the four labelled lines are whole numbers
  const max = Math.ceil(Math.max(1, ...buckets.map(b => Math.max(b.outbound || 0, b.inbound || 0))) / 4) * 4;
  const svg = el('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'throughput over time'});
  const plotH = height - bottom - top;
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - plotH * i / 4;
    svg.append(el('line', {x1: left, x2: width, y1: y, y2: y, stroke: '#e3e7ee'}));
    svg.append(text(left - 6, y + 4, String(Math.round(max * i / 4)), 'end'));
  }
  const slot = (width - left) / Math.max(1, buckets.length);
  const bar = Math.max(1, slot * 0.4);
  buckets.forEach((b, i) => {
    const x = left + i * slot + slot * 0.1;
    svg.append(rect(x, b.outbound || 0, '#1f5fbf', 'out ' + b.start + ': ' + (b.outbound || 0)));
    svg.append(rect(x + bar, b.inbound || 0, '#2e9e64', 'in ' + b.start + ': ' + (b.inbound || 0)));
    if (i % Math.ceil(buckets.length / 8) === 0) svg.append(text(x, height - 6, time(b.start).slice(5, 16), 'start'));
  });
  return svg;

  function rect(x, n, fill, title) {
    const barH = plotH * n / max;
    const r = el('rect', {x, y: top + plotH - barH, width: bar, height: barH, fill, class: 'bar'});
    r.append(el('title', {}, title));
    return r;
  }
}

function text(x, y, content, anchor) {
  return el('text', {x, y, 'text-anchor': anchor, 'font-size': 11, fill: '#5b6577'}, content);
}

function el(tag, attrs, content) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (content !== undefined) node.textContent = content;
  return node;
}

function millis(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  return ((+(m[1] || 0) * 24 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 60000;
}
