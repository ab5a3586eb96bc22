// The sign-in page: posts the name and password to /api/session, then goes back where the user came from (only
// to a page of this app: `next` must be a path, never another site).
import { api } from './api.js';

const form = document.getElementById('signin-form');
const name = document.getElementById('name');
const password = document.getElementById('password');
const button = document.getElementById('signin-button');
const error = document.getElementById('signin-error');

function destination() {
    const next = new URLSearchParams(location.search).get('next');
    return next && next.startsWith('/') && !next.startsWith('//') ? next : new URL('.', document.baseURI).pathname;
}

form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!name.value.trim() || !password.value) {
        error.textContent = 'Enter your user name and password.';
        error.hidden = false;
        return;
    }
    button.disabled = true;
    try {
        await api('api/session', {
            method: 'POST',
            noSignInRedirect: true,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ name: name.value.trim(), password: password.value }),
        });
        location.assign(destination());
    } catch (e) {
        error.textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
        error.hidden = false;
        password.select();
    } finally {
        button.disabled = false;
    }
});

name.focus();
