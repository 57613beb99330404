// The nodes that feed the bank, with their last contact, and the list of resend requests.
import * as api from './api.js';
import {h, show, badge, time, table} from './dom.js';

export async function nodesView() {
  const nodes = await api.get('nodes');
  show(h('h1', {}, 'Nodes'),
      h('p', {class: 'muted'}, 'A node is known by its stable id; the address is only what it last announced (the bank never calls a node).'),
      h('div', {id: 'nodes'}, table(['Node', 'Status', 'Last contact (UTC)', 'First seen', 'Address', 'Version', 'CPAs',
        {label: 'Messages', num: true}, {label: 'Last sequence', num: true}], nodes.map(n => h('tr', {'data-node': n.node},
          h('td', {class: 'mono'}, h('a', {href: '#/search?node=' + encodeURIComponent(n.node)}, n.node)),
          h('td', {}, h('span', {class: 'badge ' + (n.stale ? 'bad' : 'ok')}, n.stale ? 'stale' : 'reporting')),
          h('td', {class: 'nowrap last-contact'}, time(n.lastContact)),
          h('td', {class: 'nowrap'}, time(n.firstSeen)),
          h('td', {class: 'mono'}, n.address || '—'),
          h('td', {}, n.version || '—'),
          h('td', {}, (n.cpas || []).join(', ')),
          h('td', {class: 'num'}, n.messages),
          h('td', {class: 'num'}, n.lastSequence))), 'No node has reported yet.')),
      await rejectedRequests());
}

// Requests the nodes refused before a message existed (hostile or broken input), newest first.
async function rejectedRequests() {
  const rejected = await api.get('rejected-requests', {limit: 100});
  return h('section', {id: 'rejected-requests'}, h('h2', {}, 'Rejected requests'),
      h('p', {class: 'muted'}, 'Refused before a message existed: unreadable, hostile, oversized or slow. A flood is counted, not listed one by one.'),
      table(['Time (UTC)', 'Node', 'From', 'Answer', 'Why', {label: 'Bytes', num: true}, 'First bytes',
        {label: 'Count', num: true}], rejected.map(r => h('tr', {},
          h('td', {class: 'nowrap'}, time(r.at)),
          h('td', {class: 'mono'}, r.node),
          h('td', {class: 'mono'}, r.remote || '—'),
          h('td', {}, r.answer || ''),
          h('td', {}, r.reason || ''),
          h('td', {class: 'num'}, r.size >= 0 ? r.size : '—'),
          h('td', {class: 'mono'}, r.firstBytes || ''),
          h('td', {class: 'num'}, r.repeats))), 'No request was refused.'));
}

export async function resendsView(params) {
  const state = params.get('state') || '';
  const page = await api.get('resends', {state, limit: 100, after: params.get('after')});
  show(h('h1', {}, 'Resend requests'),
      h('div', {class: 'actions'}, 'State:', ['', 'PENDING', 'CLAIMED', 'DONE', 'REFUSED'].map(s =>
          h('a', {href: '#/resends' + (s ? '?state=' + s : ''), class: 'badge ' + (s === state ? 'ok' : '')}, s || 'all'))),
      table(['Requested (UTC)', 'Message', 'By', 'Reason', 'Node', 'State', 'Finished', 'Outcome'], page.items.map(r => h('tr', {},
          h('td', {class: 'nowrap'}, time(r.requestedAt)),
          h('td', {}, h('a', {href: '#/message/' + r.messageId}, '#' + r.messageId)),
          h('td', {}, r.origin === 'AUTOMATIC' ? 'rule ' + (r.rule || '') : (r.operator || '—')),
          h('td', {}, r.reason),
          h('td', {class: 'mono'}, r.assignedNode || r.node),
          h('td', {}, badge(r.state)),
          h('td', {class: 'nowrap'}, time(r.finishedAt)),
          h('td', {}, r.outcome || ''))), 'No resend request.'),
      page.next ? h('div', {class: 'pager'}, h('a', {href: '#/resends?' + new URLSearchParams({state, after: page.next})}, 'Older →')) : null);
}
