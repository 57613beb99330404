// Building the page: elements from data with textContent only (never HTML from data), and formatting.

/** h('td', {class: 'num'}, 'text', child...) */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function show(...children) {
  const view = document.getElementById('view');
  view.replaceChildren();
  append(view, children);
}

export function badge(state) {
  return h('span', {class: 'badge ' + (state || '')}, state || '—');
}

/** 2026-11-22T06:15:30.123Z → 2026-11-22 06:15:30 (UTC, as every time in the portal). */
export function time(instant) {
  if (!instant) return '—';
  return String(instant).replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '');
}

export function table(headings, rows, empty) {
  const head = h('tr', {}, headings.map(heading => h('th', {class: heading.num ? 'num' : ''},
      typeof heading === 'string' ? heading : heading.label)));
  const body = rows.length ? rows : [h('tr', {}, h('td', {colspan: headings.length, class: 'muted'}, empty || 'Nothing.'))];
  return h('table', {}, h('thead', {}, head), h('tbody', {}, body));
}

export function message(kind, text, id) {
  return h('div', {class: 'message ' + kind, id: id}, text);
}

export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]));
}

/** Asks for a reason in the dialog; resolves to the reason, or null when cancelled. */
export function askReason(title, text) {
  const dialog = document.getElementById('reason-dialog');
  const input = document.getElementById('reason-input');
  document.getElementById('reason-title').textContent = title;
  document.getElementById('reason-text').textContent = text;
  input.value = '';
  return new Promise(resolve => {
    const cancel = document.getElementById('reason-cancel');
    const form = document.getElementById('reason-form');
    const done = (value) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.close();
      resolve(value);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const reason = input.value.trim();
      if (reason) done(reason);
    };
    const onCancel = () => done(null);
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.showModal();
    input.focus();
  });
}
