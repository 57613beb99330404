// The portal's shell: who is signed in, the navigation and the views by URL fragment (#/search?..., #/message/17).
import * as api from './api.js';
import {h, show, message} from './dom.js';
import {searchView, manualView} from './search.js';
import {messageView} from './message.js';
import {dashboardView} from './dashboard.js';
import {nodesView, resendsView} from './nodes.js';
import {usersView, accountView} from './users.js';
import {cpasView, cpaView} from './cpas.js';

const views = {
  search: searchView, manual: manualView, message: messageView, dashboard: dashboardView, nodes: nodesView,
  resends: resendsView, users: usersView, account: accountView, cpas: cpasView, cpa: cpaView,
};
const ranks = {viewer: 1, operator: 2, admin: 3};
let me = null;

export function can(role) {
  return me && ranks[me.user.role] >= ranks[role];
}

export function currentUser() {
  return me && me.user;
}

async function start() {
  me = await api.session();
  document.getElementById('who-name').textContent = me.user.name;
  document.getElementById('who-role').textContent = me.user.role;
  document.querySelectorAll('[data-role]').forEach(link => { link.hidden = !can(link.dataset.role); });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await api.del('session').catch(() => null);
    window.location.replace('signin.html');
  });
  window.addEventListener('hashchange', route);
  route();
}

async function route() {
  const hash = window.location.hash || '#/search';
  const [path, search] = hash.slice(2).split('?');
  const [name, ...rest] = path.split('/');
  const view = views[name] || views.search;
  document.querySelectorAll('#nav a').forEach(link =>
      link.classList.toggle('active', link.dataset.view === (name === 'cpa' ? 'cpas' : name)));
  try {
    await view(new URLSearchParams(search || ''), ...rest.map(decodeURIComponent));
  } catch (e) {
    if (e.status !== 401) show(h('h1', {}, 'Something went wrong'), message('error', e.message, 'view-error'));
  }
}

start().catch(e => {
  if (e.status !== 401) show(message('error', 'The bank cannot be reached: ' + e.message));
});
