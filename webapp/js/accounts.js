// The accounts page, for administrators (GET/POST api/accounts, PATCH api/accounts/{name},
// POST api/accounts/{name}/password-reset). With built-in sign-in it lists the accounts, creates one with a one-time
// password (shown once, to pass on), disables and re-enables, and resets a password. With the company's OpenID Connect
// provider it lists who signed in here and their boards: the provider manages the accounts themselves. Text from the
// server is always set as text, never as HTML.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

function show(element, message) {
    element.textContent = message;
    element.hidden = !message;
}

function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.append(td);
    return td;
}

function state(person) {
    if (person.groups) {
        return person.groups.length ? `groups: ${person.groups.join(', ')}` : 'no groups';
    }
    const parts = [];
    if (person.disabled) parts.push('disabled');
    if (person.demo) parts.push('demo account');
    if (person.admin) parts.push('administrator');
    if (person.mustChangePassword) parts.push('one-time password pending');
    return parts.join(', ') || 'active';
}

function oneTime(text, password) {
    $('secret-text').textContent = text;
    $('secret').textContent = password;
    $('secret-card').hidden = false;
    $('secret-copy').focus();
}

async function act(call, then) {
    show($('list-error'), '');
    try {
        const answer = await call();
        if (then) then(answer);
        await load();
    } catch (e) {
        show($('list-error'), e.message);
    }
}

function actions(td, person) {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.textContent = person.disabled ? 'Enable' : 'Disable';
    toggle.setAttribute('aria-label', `${toggle.textContent} ${person.name}`);
    toggle.addEventListener('click', () => act(() => api(`api/accounts/${encodeURIComponent(person.name)}`, {
        method: 'PATCH', json: { disabled: !person.disabled },
    })));
    const reset = document.createElement('button');
    reset.type = 'button';
    reset.textContent = 'Reset password';
    reset.setAttribute('aria-label', `Reset password of ${person.name}`);
    reset.addEventListener('click', () => act(
        () => api(`api/accounts/${encodeURIComponent(person.name)}/password-reset`, { method: 'POST' }),
        (answer) => oneTime(`New one-time password for ${answer.name}:`, answer.oneTimePassword)));
    td.append(toggle, ' ', reset);
}

async function load() {
    let list;
    try {
        list = await api('api/accounts');
    } catch (e) {
        show($('list-status'), '');
        show($('list-error'), e.status === 403 ? 'Only administrators manage accounts.' : e.message);
        return;
    }
    const builtIn = list.managedBy === 'built-in';
    $('new-card').hidden = !builtIn;
    show($('list-status'), builtIn ? `${list.people.length} accounts`
        : `People who signed in through ${list.provider}; their accounts are managed there.`);
    const body = $('people').querySelector('tbody');
    body.replaceChildren();
    for (const person of list.people) {
        const row = document.createElement('tr');
        row.dataset.name = person.name;
        cell(row, person.displayName);
        cell(row, person.name);
        cell(row, String(person.boards));
        cell(row, state(person));
        const td = cell(row, '');
        if (builtIn) actions(td, person);
        body.append(row);
    }
    $('people').hidden = false;
}

$('new-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    show($('new-error'), '');
    $('new-button').disabled = true;
    try {
        const made = await api('api/accounts', {
            method: 'POST',
            json: { name: $('new-name').value.trim(), displayName: $('new-display-name').value },
        });
        $('new-name').value = '';
        $('new-display-name').value = '';
        oneTime(`Account ${made.name} is ready. Its one-time password:`, made.oneTimePassword);
        await load();
    } catch (e) {
        show($('new-error'), e.message);
    } finally {
        $('new-button').disabled = false;
    }
});

$('secret-copy').addEventListener('click', () => navigator.clipboard.writeText($('secret').textContent));
$('secret-done').addEventListener('click', () => {
    $('secret-card').hidden = true;
    $('secret').textContent = '';
});

load();
