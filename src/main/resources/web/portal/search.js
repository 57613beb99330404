// Search (every banked message, keyset paging) and the manual-handling queue, with resend of a selection or of
// everything a search matches.
import * as api from './api.js';
import {h, show, badge, time, table, message, askReason} from './dom.js';
import {can} from './app.js';

const FIELDS = [
  ['hl7Id', 'HL7 id (MSH-10)'], ['messageId', 'ebXML MessageId (any of a chain)'],
  ['conversationId', 'ConversationId'], ['partner', 'Partner (TYPE:VALUE or VALUE)'], ['cpaId', 'CPA id'],
  ['service', 'Service'], ['action', 'Action'], ['node', 'Node id'],
];
const STATES = ['QUEUED', 'SENDING', 'AWAITING_ACK', 'RETRYING', 'SLOW_RETRY', 'MANUAL', 'COMPLETE', 'FAILED',
  'EXPIRED', 'ABANDONED', 'RECEIVED', 'DELIVERED', 'DUPLICATE', 'REJECTED'];

export function searchView(params) {
  return listView(params, {title: 'Search', source: 'messages', route: 'search', form: true});
}

export function manualView(params) {
  return listView(params, {
    title: 'Manual handling', source: 'manual', route: 'manual', form: false,
    intro: 'Outbound messages waiting for a person: MANUAL and FAILED, and messages stuck on a node that stopped reporting.',
  });
}

async function listView(params, options) {
  const criteria = criteriaOf(params);
  const after = params.get('after') || '';
  const page = await api.get(options.source, {...criteria, limit: params.get('limit') || 50, after});
  const selected = new Set();
  const status = h('div', {id: 'resend-status'});
  const rows = page.items.map(m => row(m, selected));
  show(
      h('h1', {}, options.title),
      options.intro && h('p', {class: 'muted'}, options.intro),
      options.form ? searchForm(criteria, options.route) : null,
      actions(options, criteria, selected, status, page.items.length),
      status,
      table([{label: ''}, 'Created (UTC)', 'Dir', 'State', 'HL7 id', 'MessageId', 'Partner', 'Service / action',
        'Node', {label: 'Attempts', num: true}, {label: 'Resends', num: true}], rows, 'No message matches.'),
      pager(options.route, criteria, after, page.next, params),
  );
}

function criteriaOf(params) {
  const criteria = {};
  for (const [key] of FIELDS) if (params.get(key)) criteria[key] = params.get(key);
  for (const key of ['direction', 'since', 'until']) if (params.get(key)) criteria[key] = params.get(key);
  const states = params.getAll('state').filter(Boolean);
  if (states.length) criteria.state = states;
  return criteria;
}

function searchForm(criteria, route) {
  const inputs = FIELDS.map(([key, label]) =>
      h('label', {}, label, h('input', {name: key, id: 'q-' + key, value: criteria[key] || ''})));
  const states = h('select', {name: 'state', id: 'q-state', multiple: true, size: 3},
      STATES.map(s => h('option', {value: s, selected: (criteria.state || []).includes(s)}, s)));
  const direction = h('select', {name: 'direction', id: 'q-direction'},
      ['', 'OUTBOUND', 'INBOUND'].map(d => h('option', {value: d, selected: criteria.direction === d}, d || 'both')));
  const form = h('form', {class: 'search card', id: 'search-form'},
      inputs,
      h('label', {}, 'State', states),
      h('label', {}, 'Direction', direction),
      h('label', {}, 'Since (UTC)', h('input', {name: 'since', id: 'q-since', type: 'datetime-local', step: 1, value: local(criteria.since)})),
      h('label', {}, 'Until (UTC)', h('input', {name: 'until', id: 'q-until', type: 'datetime-local', step: 1, value: local(criteria.until)})),
      h('div', {class: 'actions'}, h('button', {class: 'primary', type: 'submit', id: 'search-submit'}, 'Search'),
          h('a', {href: '#/search'}, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key] of FIELDS) {
      const value = form.elements[key].value.trim();
      if (value) next.set(key, value);
    }
    [...states.selectedOptions].forEach(o => next.append('state', o.value));
    if (direction.value) next.set('direction', direction.value);
    for (const key of ['since', 'until']) if (form.elements[key].value) next.set(key, instant(form.elements[key].value));
    window.location.hash = '#/' + route + (next.toString() ? '?' + next : '');
  });
  return form;
}

/** datetime-local (read as UTC) → ISO instant, and back. */
function instant(local) {
  return (local.length === 16 ? local + ':00' : local) + 'Z';
}

function local(iso) {
  return iso ? iso.replace(/Z$/, '').replace(/\.\d+$/, '') : '';
}

function row(m, selected) {
  const box = h('input', {type: 'checkbox', class: 'pick', 'data-id': m.id, 'aria-label': 'select ' + m.id,
    disabled: m.direction !== 'OUTBOUND' || m.bestEffort,
    onchange: e => e.target.checked ? selected.add(m.id) : selected.delete(m.id)});
  return h('tr', {'data-id': m.id},
      h('td', {}, box),
      h('td', {class: 'nowrap'}, h('a', {href: '#/message/' + m.id, class: 'open'}, time(m.createdAt))),
      h('td', {}, m.direction === 'OUTBOUND' ? 'out' : 'in'),
      h('td', {}, badge(m.state)),
      h('td', {class: 'mono hl7id'}, m.hl7Id || '—'),
      h('td', {class: 'mono ellipsis', title: m.messageId}, m.messageId),
      h('td', {class: 'ellipsis', title: m.partner}, m.partner),
      h('td', {}, m.service + ' / ' + m.action),
      h('td', {class: 'mono'}, m.node),
      h('td', {class: 'num'}, m.attempts),
      h('td', {class: 'num'}, m.resends));
}

function actions(options, criteria, selected, status, count) {
  if (!can('operator')) return null;
  const one = h('button', {id: 'resend-selected', type: 'button', onclick: async () => {
    if (!selected.size) {
      status.replaceChildren(message('error', 'Select messages first (outbound, reliable ones).'));
      return;
    }
    const reason = await askReason('Resend ' + selected.size + ' message(s)', 'Each is resent by the node that owns it.');
    if (reason) report(status, await api.post('resends', {ids: [...selected], reason}));
  }}, 'Resend selected');
  const all = h('button', {id: 'resend-all', type: 'button', disabled: count === 0, onclick: async () => {
    const reason = await askReason('Resend everything this search matches',
        'Up to 1,000 messages, the first ones of the search order (newest first).');
    if (!reason) return;
    const query = {...criteria};
    const source = options.source === 'manual' && !query.state ? {...query, state: ['MANUAL', 'FAILED']} : query;
    report(status, await api.post('resends/search', {query: source, reason}));
  }}, 'Resend all matching');
  return h('div', {class: 'actions'}, one, all);
}

function report(status, batch) {
  const refused = batch.refused || [];
  status.replaceChildren(
      message(refused.length ? 'error' : 'ok',
          batch.requested.length + ' resend(s) requested' + (refused.length ? ', ' + refused.length + ' refused' : '') + '.',
          'resend-result'),
      refused.length ? h('ul', {}, refused.map(r => h('li', {}, '#' + r.id + ': ' + r.detail))) : null);
}

function pager(route, criteria, after, next, params) {
  // keyset paging goes forward by cursor; the cursors of the pages before are kept in the URL to go back
  const trail = (params.get('trail') || '').split(',').filter(Boolean);
  const link = (cursor, newTrail) => '#/' + route + api.query({...criteria, after: cursor,
    trail: newTrail.join(','), limit: params.get('limit')});
  const previous = trail[trail.length - 1];
  return h('div', {class: 'pager'},
      after ? h('a', {href: link(previous && previous !== '-' ? previous : '', trail.slice(0, -1)), id: 'page-previous'}, '← Newer') : null,
      next ? h('a', {href: link(next, [...trail, after || '-']), id: 'page-next'}, 'Older →') : null);
}
