// Sign-in page: posts the name and password as JSON; the answer sets the session cookie (HttpOnly).
const form = document.getElementById('signin-form');
const error = document.getElementById('signin-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const body = {
    name: document.getElementById('signin-name').value,
    password: document.getElementById('signin-password').value,
  };
  let answer;
  try {
    answer = await fetch('api/session', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body),
    });
  } catch (e) {
    showError('The bank cannot be reached: ' + e.message);
    return;
  }
  if (answer.ok) {
    const target = sessionStorage.getItem('ebrelay.afterSignIn') || '';
    sessionStorage.removeItem('ebrelay.afterSignIn');
    window.location.replace('./' + (target.startsWith('#/') ? target : '#/search'));
    return;
  }
  const problem = await answer.json().catch(() => ({}));
  showError(problem.detail || ('Sign-in failed (' + answer.status + ')'));
});

function showError(text) {
  error.textContent = text;
  error.hidden = false;
}
