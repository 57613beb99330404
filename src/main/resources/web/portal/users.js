// Users (admins): add, change role, enable or disable, set a password, remove; the audit. And one's own password.
import * as api from './api.js';
import {h, show, time, table, message} from './dom.js';
import {currentUser} from './app.js';

const ROLES = ['viewer', 'operator', 'admin'];

export async function usersView() {
  const [users, audit] = await Promise.all([api.get('users'), api.get('audit', {limit: 50})]);
  const status = h('div', {id: 'users-status'});
  const done = (text) => usersView().then(() => document.getElementById('users-status').replaceChildren(message('ok', text)));
  const fail = (e) => status.replaceChildren(message('error', e.message));
  show(h('h1', {}, 'Users'), status,
      table(['Name', 'Role', 'Enabled', 'Created (UTC)', 'Locked until', ''], users.map(u => {
        const role = h('select', {'aria-label': 'role of ' + u.name, onchange: e =>
              api.patch('users/' + encodeURIComponent(u.name), {role: e.target.value}).then(() => done(u.name + ' is now ' + e.target.value)).catch(fail)},
            ROLES.map(r => h('option', {value: r, selected: r === u.role}, r)));
        return h('tr', {'data-user': u.name},
            h('td', {class: 'mono'}, u.name), h('td', {}, role), h('td', {}, u.enabled ? 'yes' : 'no'),
            h('td', {class: 'nowrap'}, time(u.createdAt)), h('td', {class: 'nowrap'}, u.lockedUntil ? time(u.lockedUntil) : ''),
            h('td', {class: 'actions'},
                h('button', {type: 'button', onclick: () => api.patch('users/' + encodeURIComponent(u.name), {enabled: !u.enabled})
                      .then(() => done(u.name + (u.enabled ? ' disabled' : ' enabled'))).catch(fail)}, u.enabled ? 'Disable' : 'Enable'),
                h('button', {type: 'button', onclick: () => {
                  const password = window.prompt('New password for ' + u.name);
                  if (password) api.post('users/' + encodeURIComponent(u.name) + '/password', {password}).then(() => done('Password of ' + u.name + ' set')).catch(fail);
                }}, 'Set password'),
                u.name === currentUser().name ? null : h('button', {type: 'button', class: 'danger', onclick: () => {
                  if (window.confirm('Remove ' + u.name + '?')) api.del('users/' + encodeURIComponent(u.name)).then(() => done(u.name + ' removed')).catch(fail);
                }}, 'Remove')));
      })),
      h('h2', {}, 'Add a user'), addForm(done, fail),
      h('h2', {}, 'Audit (sign-ins and user changes)'),
      table(['Time (UTC)', 'Who', 'What', 'User', 'Detail'], audit.map(a => h('tr', {},
          h('td', {class: 'nowrap'}, time(a.at)), h('td', {class: 'mono'}, a.actor), h('td', {class: 'mono'}, a.action),
          h('td', {class: 'mono'}, a.subject || ''), h('td', {}, a.detail || ''))), 'Nothing yet.'));
}

function addForm(done, fail) {
  const form = h('form', {class: 'search card', id: 'add-user'},
      h('label', {}, 'Name', h('input', {name: 'name', required: true, autocomplete: 'off'})),
      h('label', {}, 'Role', h('select', {name: 'role'}, ROLES.map(r => h('option', {value: r}, r)))),
      h('label', {}, 'Password (10+ characters)', h('input', {name: 'password', type: 'password', required: true, autocomplete: 'new-password'})),
      h('div', {class: 'actions'}, h('button', {class: 'primary', type: 'submit'}, 'Add')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = {name: form.elements.name.value.trim(), role: form.elements.role.value, password: form.elements.password.value};
    api.post('users', body).then(() => done(body.name + ' added')).catch(fail);
  });
  return form;
}

export async function accountView() {
  const me = currentUser();
  const status = h('div', {});
  const form = h('form', {class: 'card', id: 'own-password'},
      h('label', {}, 'Current password', h('input', {name: 'current', type: 'password', required: true, autocomplete: 'current-password'})),
      h('label', {}, 'New password (10+ characters)', h('input', {name: 'password', type: 'password', required: true, autocomplete: 'new-password'})),
      h('div', {class: 'actions'}, h('button', {class: 'primary', type: 'submit'}, 'Change password')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    api.post('session/password', {current: form.elements.current.value, password: form.elements.password.value})
        .then(() => window.location.replace('signin.html'))
        .catch(e => status.replaceChildren(message('error', e.message)));
  });
  show(h('h1', {}, 'Your account'), h('p', {}, me.name + ' (' + me.role + ')'), status,
      h('p', {class: 'muted'}, 'Changing your password signs you out everywhere.'), form);
}
