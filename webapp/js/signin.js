// The sign-in page: posts the name and password to /api/session, then goes back where the user came from (only
// to a page of this app: `next` must be a path, never another site). When the server signs in with an OpenID
// Connect provider (GET api/session/method says so), it offers "Sign in with <provider>" instead: a plain link to
// the server's start URL, which runs the authorization-code flow and comes back to `next`. Never automatic, so that
// signing out does not sign the user straight back in with the provider's own session. A sign-in with a one-time
// password (an administrator made the account or reset it) goes to the account page first, to choose a password. The
// demo accounts, when the server has them on, are named below the form as what they are.
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
        const caller = await api('api/session', {
            method: 'POST',
            noSignInRedirect: true,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ name: name.value.trim(), password: password.value }),
        });
        location.assign(caller.mustChangePassword
            ? `account.html?next=${encodeURIComponent(destination())}`
            : destination());
    } catch (e) {
        error.textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
        error.hidden = false;
        password.select();
    } finally {
        button.disabled = false;
    }
});

async function offerProvider() {
    let method;
    try {
        method = await api('api/session/method', { noSignInRedirect: true });
    } catch {
        return; // the form stays; its own errors say what is wrong
    }
    if (method.method !== 'oidc') {
        if (method.demoAccounts) {
            const demo = document.getElementById('demo-accounts');
            demo.textContent = `Demo accounts for trying Whiteboard out: ${method.demoAccounts.join(', ')}, password `
                + `"${method.demoPassword}". An administrator switches them off before others use this server.`;
            demo.hidden = false;
        }
        return;
    }
    const link = document.getElementById('provider-link');
    link.href = new URL(`${method.start}?next=${encodeURIComponent(destination())}`, document.baseURI).toString();
    link.textContent = `Sign in with ${method.provider}`;
    document.getElementById('provider-signin').hidden = false;
    form.hidden = true;
    link.focus();
}

name.focus();
offerProvider();
