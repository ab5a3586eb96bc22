// The boards home: the boards a person may see, as a grid (with thumbnails) or a compact list; sections (recent,
// mine, shared with me, starred, trash), a title search and an order, a page at a time ("Show more"); a new board;
// each board's actions are in home/card.js. The lobby chat is js/lobby-chat.js. All user text is set as text.
import { api, leaveFor, signInUrl } from './api.js';
import { boardCard } from './home/card.js';
import './lobby-chat.js'; // chat (issue 6): people online, direct messages, rooms

const PAGE = 24;
const EMPTY = {
    recent: 'No boards yet. Give your first board a title above and press “New board”.',
    mine: 'You have not made a board yet. Give it a title above and press “New board”.',
    shared: 'Nothing is shared with you yet. When someone shares a board with you, it shows up here.',
    starred: 'No starred boards. Press ☆ on a board to find it here quickly.',
    trash: 'The trash is empty. Deleted boards stay here for a while, then go for good.',
    search: 'No board title matches your search. Try fewer letters, or another section.',
};

const list = document.getElementById('board-list');
const status = document.getElementById('list-status');
const notice = document.getElementById('notice');
const more = document.getElementById('more');
const search = document.getElementById('search');
const sort = document.getElementById('sort');
const viewToggle = document.getElementById('view-toggle');
const form = document.getElementById('create-form');
const title = document.getElementById('title');
const createButton = document.getElementById('create-button');
const createError = document.getElementById('create-error');
const filters = [...document.querySelectorAll('[data-filter]')];

const query = { filter: 'recent', q: '', sort: 'changed', offset: 0 };
let loading = 0;

function url() {
    const params = new URLSearchParams({ sort: query.sort, offset: String(query.offset), limit: String(PAGE + 1) });
    if (query.filter !== 'recent') params.set('filter', query.filter);
    if (query.q) params.set('q', query.q);
    return `api/boards?${params}`;
}

function tell(text, failed = false) {
    notice.textContent = text;
    notice.classList.toggle('error', failed);
    notice.hidden = !text;
}

const on = {
    changed(board) {
        const old = list.querySelector(`[data-board-id="${CSS.escape(board.id)}"]`);
        if (!old) return;
        if (query.filter === 'starred' && !board.starred) {
            old.remove();
            emptyState();
        } else {
            old.replaceWith(boardCard(board, on));
        }
    },
    removed(board, message) {
        list.querySelector(`[data-board-id="${CSS.escape(board.id)}"]`)?.remove();
        tell(message);
        emptyState();
    },
    added(board) {
        if (query.filter !== 'trash' && query.filter !== 'shared' && query.filter !== 'starred') {
            list.prepend(boardCard(board, on));
            emptyState();
        }
        tell(`“${board.title}” was made.`);
    },
    failed(message) {
        tell(message, true);
    },
};

/** Shows who is on each listed board now (GET /api/presence: only boards the caller may see), and again later. */
async function showWhoIsHere() {
    let online;
    try {
        online = await api('api/presence');
    } catch {
        return;
    }
    const here = new Map();
    for (const person of online) {
        for (const board of person.boards || []) {
            if (!here.has(board)) here.set(board, []);
            here.get(board).push(person.name || person.user);
        }
    }
    for (const item of list.querySelectorAll('[data-board-id]')) {
        const line = item.querySelector('.board-here');
        if (!line) continue;
        const names = here.get(item.dataset.boardId) || [];
        line.textContent = names.length ? `Now: ${names.join(', ')}` : '';
        line.hidden = !names.length;
    }
}
setInterval(showWhoIsHere, 30_000);

function emptyState() {
    const empty = list.children.length === 0;
    status.hidden = !empty;
    if (empty) status.textContent = query.q ? EMPTY.search : EMPTY[query.filter];
}

/** Loads the first page for the current query (`append`: the next page). */
async function load(append = false) {
    const mine = ++loading;
    if (!append) {
        query.offset = 0;
        status.hidden = false;
        status.textContent = 'Loading…';
    }
    more.disabled = true;
    list.setAttribute('aria-busy', 'true');
    try {
        const boards = await api(url());
        if (mine !== loading) return; // a newer query answered or will answer
        list.dataset.filter = query.filter; // what the list shows (the browser tests wait for it)
        list.dataset.q = query.q;
        const page = boards.slice(0, PAGE);
        const items = page.map((b) => boardCard(b, on));
        if (append) list.append(...items); else list.replaceChildren(...items);
        query.offset += page.length;
        more.hidden = boards.length <= PAGE;
        showWhoIsHere();
        list.setAttribute('aria-busy', 'false');
        emptyState();
    } catch (e) {
        if (mine !== loading) return;
        status.hidden = false;
        status.textContent = `Could not load boards: ${e.message}`;
    } finally {
        more.disabled = false;
    }
}

for (const button of filters) {
    button.addEventListener('click', () => {
        query.filter = button.dataset.filter;
        for (const b of filters) b.setAttribute('aria-pressed', String(b === button));
        tell('');
        load();
    });
}

let searchTimer = 0;
search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
        const q = search.value.trim();
        if (q !== query.q) {
            query.q = q;
            load();
        }
    }, 250);
});

sort.addEventListener('change', () => {
    query.sort = sort.value;
    load();
});

function setView(view) {
    list.dataset.view = view;
    viewToggle.setAttribute('aria-pressed', String(view === 'list'));
    viewToggle.textContent = view === 'list' ? 'Grid view' : 'List view';
    try { localStorage.setItem('whiteboard.home.view', view); } catch { /* not kept */ }
}
viewToggle.addEventListener('click', () => setView(list.dataset.view === 'list' ? 'grid' : 'list'));
setView((() => { try { return localStorage.getItem('whiteboard.home.view'); } catch { return null; } })() || 'grid');

more.addEventListener('click', () => load(true));

form.addEventListener('submit', async (event) => {
    event.preventDefault();
    createError.hidden = true;
    if (!title.value.trim()) {
        createError.textContent = 'Give the board a title.';
        createError.hidden = false;
        title.focus();
        return;
    }
    createButton.disabled = true;
    try {
        const board = await api('api/boards', { method: 'POST', json: { title: title.value } });
        title.value = '';
        on.added(board);
    } catch (e) {
        createError.textContent = e.message;
        createError.hidden = false;
    } finally {
        createButton.disabled = false;
    }
});

const who = document.getElementById('who');
const signOut = document.getElementById('sign-out');

async function showCaller() {
    const caller = await api('api/session');
    who.textContent = `Signed in as ${caller.name}`;
    signOut.hidden = false;
    // the account pages: one's own (built-in accounts), and the administration for those who administer
    const me = await api('api/account');
    document.getElementById('account-link').hidden = me.managedBy !== 'built-in';
    document.getElementById('accounts-link').hidden = !me.admin;
}

// Signing out ends the app's session; when the server signed in through an OpenID Connect provider that can end its
// own session too, the answer names the provider's logout URL, which comes back to the sign-in page afterwards.
signOut.addEventListener('click', async () => {
    const signedOut = await api('api/session', { method: 'DELETE', noSignInRedirect: true });
    leaveFor(signedOut && signedOut.providerLogoutUrl ? signedOut.providerLogoutUrl : signInUrl());
});

showCaller().catch(() => {});
load();
