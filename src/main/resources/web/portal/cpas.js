// The CPAs the nodes serve, as the nodes told the bank: a list with state badges, and one CPA in plain words with
// its validity, version history (what changed, in CPA terms), endpoint overrides and which node runs which version.
import * as api from './api.js';
import {h, show, badge, time, table, facts, message} from './dom.js';

export async function cpasView() {
  const cpas = await api.get('cpas');
  show(h('h1', {}, 'CPAs'),
      h('p', {class: 'muted'}, 'CPAs live on the nodes; each node tells the bank when one changes.'),
      h('div', {id: 'cpas'}, table(['CPA', 'State', 'Status', 'Valid from (UTC)', 'Valid until (UTC)', {label: 'Version', num: true}, 'Nodes'],
          cpas.map(c => h('tr', {'data-cpa': c.cpaId},
              h('td', {class: 'mono'}, h('a', {href: '#/cpa/' + encodeURIComponent(c.cpaId)}, c.cpaId)),
              h('td', {}, badge(c.state), c.versionsDiffer ? h('span', {class: 'badge warn'}, 'versions differ') : null),
              h('td', {}, c.summary.status || '—'),
              h('td', {class: 'nowrap'}, time(c.summary.start)),
              h('td', {class: 'nowrap'}, time(c.summary.end)),
              h('td', {class: 'num'}, c.version),
              h('td', {class: 'mono'}, c.nodes.map(n => n.node + ' v' + n.version).join(', ')))),
          'No node has reported a CPA yet.')));
}

export async function cpaView(params, cpaId) {
  const c = await api.get('cpas/' + encodeURIComponent(cpaId));
  const v = c.view;
  const s = v.summary || {};
  show(h('h1', {}, 'CPA ', h('span', {class: 'mono'}, c.cpaId), ' ', h('span', {id: 'cpa-state'}, badge(c.state))),
      rejected(s.rejectedEdit),
      (v.rejectedFiles || []).map(r => h('div', {class: 'message error', 'data-rejected-file': r.file},
          h('p', {}, 'On the node that serves version ' + c.version + ', the edit of ' + r.file + ' at ' + time(r.at)
              + ' was rejected (what was in force stays):'),
          h('ul', {class: 'mono'}, r.problems.map(p => h('li', {}, p))))),
      (s.expiring || []).length ? message('warn', s.expiring.join(' '), 'cpa-expiring') : null,
      h('div', {class: 'card'}, facts([
        ['Status', s.status], ['Valid from', time(s.start)], ['Valid until', time(s.end)],
        ['Version in force', 'version ' + c.version + (s.version ? ' (sha256 ' + s.version.checksum.slice(0, 12) + ', ' + s.version.file + ')' : '')],
      ])),
      h('h2', {}, 'Nodes'),
      h('div', {id: 'cpa-nodes'}, table(['Node', 'State', {label: 'Version', num: true}, 'Checksum', 'Reported (UTC)'], c.nodes.map(n => h('tr', {'data-node': n.node},
          h('td', {class: 'mono'}, n.node), h('td', {}, badge(n.state)), h('td', {class: 'num'}, n.version),
          h('td', {class: 'mono'}, (n.checksum || '').slice(0, 12)), h('td', {class: 'nowrap'}, time(n.reportedAt)))))),
      h('h2', {}, 'Parties'),
      table(['Party', 'PartyIds', 'Roles', 'Endpoints', 'Certificates'], (v.parties || []).map(p => h('tr', {},
          h('td', {}, p.name), h('td', {class: 'mono'}, p.partyIds.join(', ')), h('td', {}, p.roles.join(', ')),
          h('td', {class: 'mono'}, p.endpoints.map(e => endpoint(e.url, e.sentTo))),
          h('td', {}, (p.certificates || []).join(', ') || '—')))),
      h('h2', {}, 'Messages and their terms'),
      h('div', {id: 'cpa-messages'}, table(['Service / action', 'From → to', 'Channel', 'Endpoint', 'Reliability', 'Security'], (v.messages || []).map(m => h('tr', {},
          h('td', {}, m.service + ' / ' + m.action),
          h('td', {}, m.from + ' (' + m.fromRole + ') → ' + m.to + ' (' + m.toRole + ')'),
          h('td', {class: 'mono'}, m.channel),
          h('td', {class: 'mono'}, endpoint(m.endpoint, m.sentTo)),
          h('td', {}, m.reliability), h('td', {}, m.security))))),
      h('h2', {}, 'Endpoint overrides'),
      h('div', {id: 'cpa-overrides'}, table(['From (in the CPA)', 'Sent to', 'For'], (v.overrides || []).map(o => h('tr', {},
          h('td', {class: 'mono'}, o.from), h('td', {class: 'mono'}, o.to), h('td', {}, o.cpaId ? 'this CPA' : 'every CPA'))),
          'No override: messages go where the CPA says.')),
      h('h2', {}, 'Version history'),
      h('div', {id: 'cpa-versions'}, table(['Version', 'Activated (UTC)', 'File', 'Checksum', 'What changed'], (v.versions || []).slice().reverse().map(x => h('tr', {},
          h('td', {class: 'num'}, x.number), h('td', {class: 'nowrap'}, time(x.activatedAt)), h('td', {class: 'mono'}, x.file),
          h('td', {class: 'mono'}, x.checksum.slice(0, 12)),
          h('td', {}, x.changes.length ? h('ul', {}, x.changes.map(t => h('li', {}, t))) : (x.number === 1 ? 'first version' : 'nothing in CPA terms')))))));
}

function endpoint(url, sentTo) {
  return h('div', {}, url, sentTo ? h('div', {class: 'override'}, 'overridden: sent to ' + sentTo) : null);
}

function rejected(edit) {
  if (!edit) return null;
  return h('div', {class: 'message error', id: 'cpa-rejected'},
      h('p', {}, 'The edit of ' + edit.file + ' at ' + time(edit.at) + ' was rejected; the version above stays in force.'),
      h('ul', {class: 'mono'}, edit.problems.map(p => h('li', {}, p))));
}
