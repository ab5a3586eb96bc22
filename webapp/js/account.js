// The account page: the signed-in person's display name and password (GET/PATCH api/account, PUT
// api/account/password). After a sign-in with a one-time password it opens in "choose your password" mode, and goes
// on to where the person was headed (`next`, a path of this app) once the new password is taken. The server checks
// the password rules and says which one a password breaks; the page only checks that both entries match.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

function destination() {
    const next = new URLSearchParams(location.search).get('next');
    return next && next.startsWith('/') && !next.startsWith('//') ? next : new URL('.', document.baseURI).pathname;
}

function show(element, message) {
    element.textContent = message;
    element.hidden = !message;
}

async function load() {
    const me = await api('api/account');
    $('who').textContent = me.displayName;
    if (me.managedBy !== 'built-in') {
        $('provider-card').hidden = false;
        return;
    }
    $('admin-link').hidden = !me.admin;
    $('display-name').value = me.displayName;
    $('password-rules').textContent = `At least ${me.passwordMinLength} characters; not your user name, and not one of `
        + 'the most common passwords. A few words you remember make a good one.';
    $('password-card').hidden = false;
    if (me.mustChangePassword) {
        $('first-time').hidden = false;
        $('current-password').previousElementSibling.textContent = 'One-time password';
        $('new-password').focus();
    } else {
        $('name-card').hidden = false;
    }
    return me;
}

$('name-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    show($('name-error'), '');
    try {
        const me = await api('api/account', { method: 'PATCH', json: { displayName: $('display-name').value } });
        $('who').textContent = me.displayName;
        show($('name-status'), 'Saved.');
    } catch (e) {
        show($('name-error'), e.message);
    }
});

$('password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    show($('password-error'), '');
    show($('password-status'), '');
    if ($('new-password').value !== $('repeat-password').value) {
        show($('password-error'), 'The two new passwords differ.');
        $('repeat-password').select();
        return;
    }
    const first = !$('first-time').hidden;
    $('password-button').disabled = true;
    try {
        await api('api/account/password', {
            method: 'PUT',
            json: { currentPassword: $('current-password').value, password: $('new-password').value },
        });
        if (first) {
            location.assign(destination());
            return;
        }
        for (const id of ['current-password', 'new-password', 'repeat-password']) {
            $(id).value = '';
        }
        show($('password-status'), 'Your password is changed.');
    } catch (e) {
        show($('password-error'), e.message);
        (e.body && e.body.field === 'currentPassword' ? $('current-password') : $('new-password')).select();
    } finally {
        $('password-button').disabled = false;
    }
});

load().catch((e) => show($('password-error'), e.message));
