// The boards page: lists boards newest first and creates new ones. All user text is set as text, never HTML.
import { api, signInUrl } from './api.js';
import './lobby-chat.js'; // chat (issue 6): people online, direct messages, rooms

const list = document.getElementById('board-list');
const status = document.getElementById('list-status');
const form = document.getElementById('create-form');
const title = document.getElementById('title');
const button = document.getElementById('create-button');
const error = document.getElementById('create-error');

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function boardItem(board) {
    const item = document.createElement('li');
    item.dataset.boardId = board.id;
    const name = document.createElement('a');
    name.className = 'board-title';
    name.href = `board.html?id=${encodeURIComponent(board.id)}`;
    name.textContent = board.title;
    const meta = document.createElement('span');
    meta.className = 'board-meta';
    meta.textContent = `${board.role ? `${board.role} · ` : ''}${board.createdBy} · ${dateFormat.format(new Date(board.createdAt))}`;
    item.append(name, meta);
    return item;
}

const who = document.getElementById('who');
const signOut = document.getElementById('sign-out');

async function showCaller() {
    const caller = await api('api/session');
    who.textContent = `Signed in as ${caller.name}`;
    signOut.hidden = false;
}

// Signing out ends the app's session; when the server signed in through an OpenID Connect provider that can end its
// own session too, the answer names the provider's logout URL, which comes back to the sign-in page afterwards.
signOut.addEventListener('click', async () => {
    const signedOut = await api('api/session', { method: 'DELETE', noSignInRedirect: true });
    location.assign(signedOut && signedOut.providerLogoutUrl ? signedOut.providerLogoutUrl : signInUrl());
});

async function load() {
    try {
        const boards = await api('api/boards');
        list.replaceChildren(...boards.map(boardItem));
        status.textContent = boards.length ? '' : 'No boards yet. Create the first one above.';
        status.hidden = boards.length > 0;
    } catch (e) {
        status.hidden = false;
        status.textContent = `Could not load boards: ${e.message}`;
    }
}

form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!title.value.trim()) {
        error.textContent = 'Give the board a title.';
        error.hidden = false;
        title.focus();
        return;
    }
    button.disabled = true;
    try {
        const board = await api('api/boards', { method: 'POST', json: { title: title.value } });
        title.value = '';
        status.hidden = true;
        list.prepend(boardItem(board));
    } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
    } finally {
        button.disabled = false;
    }
});

showCaller().catch(() => {});
load();
