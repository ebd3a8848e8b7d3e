// Sign-in on the page: who is signed in (GET /api/me), the login form, logout, and the CSRF token. The token is added
// by one wrapper around window.fetch to every state-changing request (POST, PUT, PATCH, DELETE) to this server, so
// every module's writes and analysis POSTs carry it without doing anything.
import { t, onLanguageChange } from './i18n/i18n.js';

const SAFE = ['GET', 'HEAD', 'OPTIONS'];
const nativeFetch = window.fetch.bind(window);
let csrfToken = null;

window.fetch = (input, init = {}) => {
  const request = input instanceof Request ? input : null;
  const method = String(init.method || (request ? request.method : 'GET')).toUpperCase();
  const url = new URL(request ? request.url : String(input), location.href);
  if (csrfToken && !SAFE.includes(method) && url.origin === location.origin) {
    const headers = new Headers(init.headers || (request ? request.headers : undefined));
    headers.set('X-CSRF-Token', csrfToken);
    return nativeFetch(input, { ...init, headers });
  }
  return nativeFetch(input, init);
};

async function me() {
  const r = await nativeFetch('/api/me', { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`/api/me: ${r.status}`);
  return r.json();
}

function render(state) {
  const user = document.getElementById('auth-user');
  const login = document.getElementById('login-toggle');
  const logout = document.getElementById('logout');
  login.hidden = !state.accounts || !!state.user;
  logout.hidden = !state.user;
  document.getElementById('password-toggle').hidden = !state.user;
  if (state.user) {
    user.hidden = false;
    user.dataset.role = state.user.role;
    user.textContent = `${state.user.name} · ${t(`roles.${state.user.role}`)}`;
  } else if (state.anonymous === 'read-only') {
    user.hidden = false;
    user.dataset.role = 'anonymous';
    user.textContent = t('anonymousReadOnly');
  } else {
    user.hidden = true;
  }
}

function showForm(show, required) {
  const form = document.getElementById('login-form');
  form.hidden = !show;
  document.getElementById('login-cancel').hidden = required;
  document.getElementById('login-error').textContent = '';
  if (show) document.getElementById('login-name').focus();
}

/**
 * Reads who is signed in, wires the login and logout buttons; answers true when the page may load its data, false
 * when the server lets nobody in without signing in (the login form is then shown and a login reloads the page).
 */
export async function initAuth() {
  const state = await me();
  csrfToken = state.csrfToken || null;
  render(state);
  onLanguageChange(() => render(state));
  const mustSignIn = !state.user && state.anonymous === 'none';
  document.getElementById('login-toggle').addEventListener('click', () => showForm(true, mustSignIn));
  document.getElementById('login-cancel').addEventListener('click', () => showForm(false, mustSignIn));
  document.getElementById('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const name = document.getElementById('login-name').value;
    const password = document.getElementById('login-password');
    const r = await nativeFetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name, password: password.value }),
    });
    password.value = '';
    if (r.ok) {
      location.reload();
      return;
    }
    const body = await r.json().catch(() => ({}));
    document.getElementById('login-error').textContent = r.status === 429
      ? t('loginLocked', { seconds: r.headers.get('Retry-After') || '' })
      : (r.status === 401 ? t('loginFailed') : (body.error || `${r.status}`));
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await fetch('/api/logout', { method: 'POST' });
    csrfToken = null;
    location.reload();
  });
  const pwForm = document.getElementById('password-form');
  document.getElementById('password-toggle').addEventListener('click', () => {
    pwForm.hidden = false;
    document.getElementById('password-message').textContent = '';
    document.getElementById('password-current').focus();
  });
  document.getElementById('password-cancel').addEventListener('click', () => { pwForm.hidden = true; });
  pwForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const current = document.getElementById('password-current');
    const next = document.getElementById('password-new');
    const r = await fetch('/api/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ current: current.value, new: next.value }),
    });
    current.value = '';
    next.value = '';
    const body = await r.json().catch(() => ({}));
    document.getElementById('password-message').textContent = r.ok ? t('passwordChanged') : (body.error || `${r.status}`);
  });
  if (mustSignIn) showForm(true, true);
  return !mustSignIn;
}
