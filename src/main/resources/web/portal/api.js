// The bank API as the portal uses it: same-origin fetch with the session cookie, the CSRF token on every
// state-changing request, JSON in and out; a 401 sends the browser to the sign-in page.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, error, detail) {
    super(detail || error || ('HTTP ' + status));
    this.status = status;
    this.error = error;
  }
}

export async function session() {
  const s = await call('GET', 'session');
  csrfToken = s.csrfToken;
  return s;
}

export function get(path, params) {
  return call('GET', path + query(params));
}

export function post(path, body) {
  return call('POST', path, body);
}

export function patch(path, body) {
  return call('PATCH', path, body);
}

export function del(path) {
  return call('DELETE', path);
}

/** The raw body of a GET (payloads, wire), as text, with the answer's headers. */
export async function getText(path) {
  const answer = await fetch('api/' + path, {credentials: 'same-origin'});
  if (!answer.ok) {
    throw await failure(answer);
  }
  return {text: await answer.text(), headers: answer.headers};
}

export function query(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach(v => v !== '' && search.append(key, v));
    else if (value !== undefined && value !== null && value !== '') search.append(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

async function call(method, path, body) {
  const headers = {'Accept': 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const answer = await fetch('api/' + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (answer.status === 401) {
    sessionStorage.setItem('ebrelay.afterSignIn', window.location.hash);
    window.location.replace('signin.html');
    throw new ApiError(401, 'Unauthorized', 'signed out');
  }
  if (!answer.ok) {
    throw await failure(answer);
  }
  return answer.status === 204 ? null : answer.json();
}

async function failure(answer) {
  const problem = await answer.json().catch(() => ({}));
  return new ApiError(answer.status, problem.error, problem.detail);
}
