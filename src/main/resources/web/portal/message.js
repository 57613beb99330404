// One banked message: its facts, the chain of MessageIds, the timeline, each payload as HL7 v2 segments and
// fields next to the raw text, the raw wire message, and resend.
import * as api from './api.js';
import {h, show, badge, time, table, message, facts, askReason} from './dom.js';
import {can} from './app.js';

const WIRE_SHOWN = 200000;
const REFRESHES = 30;
let note = null;   // {id, element}: what the last resend answered, kept while the page refreshes itself
let refresh = null;

export async function messageView(params, id) {
  clearTimeout(refresh);
  const m = await api.get('messages/' + encodeURIComponent(id));
  const status = h('div', {id: 'resend-status'}, note && note.id === m.id ? note.element : null);
  show(
      h('h1', {}, 'Message #' + m.id + ' ', badge(m.state)),
      h('div', {class: 'actions'},
          can('operator') && m.direction === 'OUTBOUND' && !m.bestEffort
              ? h('button', {class: 'primary', id: 'resend-one', type: 'button', onclick: () => resend(m, status)}, 'Resend')
              : null,
          h('a', {href: 'api/messages/' + m.id + '/wire', download: 'message-' + m.id + '.mime'}, 'Download the wire message')),
      status,
      h('div', {class: 'grid2'},
          h('div', {class: 'card'}, summary(m)),
          h('div', {class: 'card'}, h('h2', {}, 'MessageIds'), chain(m), resendRequests(m))),
      h('h2', {}, 'Timeline'),
      timeline(m.events),
      h('h2', {}, 'Payloads'),
      h('div', {id: 'payloads'}, m.payloads.length ? m.payloads.map(p => payloadCard(m, p)) : h('p', {class: 'muted'}, 'No payload banked.')),
      h('h2', {}, 'Wire message'),
      wireCard(m));
}

function summary(m) {
  return facts([
    ['Direction', m.direction], ['Node', m.node], ['HL7 id', h('span', {class: 'mono', id: 'detail-hl7id'}, m.hl7Id || '—')],
    ['MessageId', h('span', {class: 'mono'}, m.messageId)], ['ConversationId', m.conversationId],
    ['CPA', h('a', {href: '#/cpa/' + encodeURIComponent(m.cpaId)}, m.cpaId)], ['CPA version', h('span', {id: 'detail-cpa-version'}, m.cpaVersion == null ? 'not recorded' : 'version ' + m.cpaVersion)],
    ['From', m.from], ['To', m.to],
    ['Service / action', (m.serviceType ? m.serviceType + ':' : '') + m.service + ' / ' + m.action],
    ['Reliable', m.bestEffort ? 'no (best effort: never resent)' : 'yes'], ['Attempts', m.attempts],
    ['Created', time(m.createdAt)], ['Updated', time(m.updatedAt)], ['Last reason', m.lastReason],
    ['Kept until', m.retainUntil ? time(m.retainUntil) : 'kept'],
  ]);
}

function chain(m) {
  return table(['#', 'MessageId', 'Assigned (UTC)'], (m.messageIds || []).map(x =>
      h('tr', {}, h('td', {}, x.ordinal), h('td', {class: 'mono'}, x.messageId), h('td', {class: 'nowrap'}, time(x.assignedAt)))),
      'Only its first MessageId.');
}

function resendRequests(m) {
  const requests = m.resendRequests || [];
  if (!requests.length) return null;
  return h('div', {}, h('h2', {}, 'Resend requests'),
      table(['Requested', 'By', 'Reason', 'State', 'Outcome'], requests.map(r => h('tr', {},
          h('td', {class: 'nowrap'}, time(r.requestedAt)),
          h('td', {}, r.origin === 'AUTOMATIC' ? 'rule ' + (r.rule || '') : (r.operator || '—')),
          h('td', {}, r.reason), h('td', {}, badge(r.state)), h('td', {}, r.outcome || '')))));
}

function timeline(events) {
  return h('div', {id: 'timeline'}, table(['Time (UTC)', 'Event', 'State', 'Node', 'Detail'], (events || []).map(e =>
      h('tr', {class: 'event', 'data-type': e.type},
          h('td', {class: 'nowrap'}, time(e.time)),
          h('td', {class: 'mono'}, e.type),
          h('td', {class: 'nowrap'}, e.from || e.to ? (e.from || '·') + ' → ' + (e.to || '·') : ''),
          h('td', {class: 'mono'}, e.node),
          h('td', {}, e.detail || ''))), 'No event banked yet.'));
}

function payloadCard(m, p) {
  const decoded = h('div', {class: 'hl7', id: 'hl7-' + p.index}, h('p', {class: 'muted'}, 'Decoding…'));
  const raw = h('pre', {class: 'raw', id: 'payload-raw-' + p.index}, '…');
  const card = h('div', {class: 'card payload'},
      h('div', {class: 'muted'}, 'Payload ' + p.index + ' · ' + (p.contentId || '') + ' · ' + p.contentType + ' · ' + p.size + ' bytes · ',
          h('a', {href: 'api/messages/' + m.id + '/payloads/' + p.index, download: 'payload-' + m.id + '-' + p.index}, 'download')),
      h('div', {class: 'grid2'}, h('div', {}, h('h2', {}, 'HL7 v2, decoded'), decoded), h('div', {}, h('h2', {}, 'Raw text'), raw)));
  api.get('messages/' + m.id + '/payloads/' + p.index + '/hl7').then(hl7 => {
    raw.textContent = (hl7.text || '').replace(/\r\n?/g, '\n');
    decoded.replaceChildren(hl7.error && !(hl7.segments || []).length
        ? message('error', 'Not decoded as HL7 v2: ' + hl7.error)
        : h('div', {}, h('p', {class: 'muted'}, [hl7.messageType, hl7.version && 'v' + hl7.version].filter(Boolean).join(' · ')),
            (hl7.segments || []).map(segment)));
  }).catch(e => decoded.replaceChildren(message('error', e.message)));
  return card;
}

function segment(s) {
  return h('div', {class: 'segment', 'data-segment': s.name},
      h('div', {class: 'name'}, s.name),
      h('table', {}, h('tbody', {}, (s.fields || []).map(f => h('tr', {},
          h('td', {}, s.name + '-' + f.position),
          h('td', {class: 'mono field'}, (f.components && f.components.length > 1) ? f.components.join(' ^ ') : f.value))))));
}

function wireCard(m) {
  const pre = h('pre', {id: 'wire'}, m.wires && m.wires.length ? 'Loading…' : 'No wire banked (purged, or not shipped yet).');
  if (m.wires && m.wires.length) {
    api.getText('messages/' + m.id + '/wire').then(({text, headers}) => {
      const type = headers.get('X-Wire-Content-Type') || '';
      pre.textContent = 'Content-Type: ' + type + '\n\n' + (text.length > WIRE_SHOWN ? text.slice(0, WIRE_SHOWN) + '\n… (cut: download it for all of it)' : text);
    }).catch(e => { pre.textContent = e.message; });
  }
  return h('div', {class: 'card'}, pre);
}

async function resend(m, status) {
  const reason = await askReason('Resend message #' + m.id, 'The node that owns it sends it again (under a new MessageId if its PersistDuration has passed).');
  if (!reason) return;
  try {
    const request = await api.post('messages/' + m.id + '/resend', {reason});
    note = {id: m.id, element: message('ok', 'Resend requested (request ' + request.requestId + ', ' + request.state
        + '): the timeline follows the node\'s new attempts.', 'resend-result')};
    status.replaceChildren(note.element);
    follow(m.id, REFRESHES);
  } catch (e) {
    status.replaceChildren(message('error', e.message, 'resend-result'));
  }
}

/** After a resend the page reloads itself every 2 s for a minute, so the node's new attempts appear. */
function follow(id, left) {
  refresh = setTimeout(async () => {
    if (window.location.hash !== '#/message/' + id || left <= 0) return;
    await messageView(new URLSearchParams(), String(id)).catch(() => null);
    follow(id, left - 1);
  }, 2000);
}
