// Chat on the boards list (issue 6): a connection on no board (negotiate?lobby=true) that hears direct messages and
// the user's rooms; who is online and where; direct conversations and rooms with unread counts; a notification when
// a message arrives. All user text is set with textContent, never as HTML (F16).
import { api } from './api.js';
import { BoardConnection } from './realtime.js';
import { ChatView, CHAT_TYPES, directKey, otherOf, toast } from './chat.js';

const ONLINE_EVERY_MS = 30_000;
const IDLE_MS = 60_000;

const online = document.getElementById('online');
const dms = document.getElementById('dms');
const rooms = document.getElementById('rooms');
const unreadBadge = document.getElementById('chat-unread');
const lobbyError = document.getElementById('chat-lobby-error');
const heading = document.getElementById('conversation-heading');
const box = document.getElementById('lobby-chat');

let me = null;
let connection = null;
let unread = new Map();       // conversation -> count
const roomNames = new Map();  // conversation -> room name
const view = new ChatView(box, { getConnection: () => connection, me: () => me });
box.addEventListener('chat-read', () => loadUnread());

function showError(text) {
    lobbyError.hidden = !text;
    lobbyError.textContent = text || '';
}

function badge(count) {
    const span = document.createElement('span');
    span.className = 'unread';
    span.textContent = String(count);
    span.setAttribute('aria-label', `${count} unread`);
    return span;
}

function button(label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
}

async function openConversation(conversation, title) {
    heading.hidden = false;
    heading.textContent = title;
    box.hidden = false;
    await view.open(conversation);
    view.text.focus();
}

function openDirect(user) {
    if (!user || user === me) return;
    openConversation(directKey(me, user), `Direct messages with ${user}`);
}

async function loadOnline() {
    try {
        const people = await api('api/presence');
        online.replaceChildren(...people.map((person) => {
            const item = document.createElement('li');
            item.className = person.state === 'away' ? 'away' : '';
            const name = document.createElement('span');
            const where = [person.lobby ? 'boards list' : null,
                person.boards.length ? `${person.boards.length} board${person.boards.length > 1 ? 's' : ''}` : null]
                .filter(Boolean).join(', ');
            name.textContent = `${person.name} (${person.state}${where ? `, on ${where}` : ''})`;
            item.append(name);
            if (person.user !== me) item.append(button(`Message ${person.user}`, () => openDirect(person.user)));
            return item;
        }));
    } catch (e) {
        // shown again on the next round
    }
}

async function loadUnread() {
    try {
        const counts = await api('api/chat/unread');
        unread = new Map(counts.conversations.map((c) => [c.conversation, c.unread]));
        unreadBadge.hidden = counts.total === 0;
        unreadBadge.textContent = `${counts.total} unread`;
        showDirects();
        await loadRooms();
    } catch (e) {
        // shown again on the next message
    }
}

function showDirects() {
    const items = [...unread.keys()].filter((c) => c.startsWith('dm:')).map((conversation) => {
        const other = otherOf(conversation, me);
        const item = document.createElement('li');
        item.append(button(`Open ${other}`, () => openDirect(other)), badge(unread.get(conversation)));
        return item;
    });
    dms.replaceChildren(...items);
}

async function loadRooms() {
    const list = await api('api/chat/rooms');
    rooms.replaceChildren(...list.map((room) => {
        roomNames.set(room.conversation, room.name);
        const item = document.createElement('li');
        item.dataset.roomId = room.id;
        const name = document.createElement('span');
        name.className = 'room-name';
        name.textContent = `${room.name} (${room.members} in it, owner ${room.owner})`;
        item.append(name);
        if (room.member) {
            item.append(button(`Open ${room.name}`, () => openConversation(room.conversation, `Room ${room.name}`)));
            item.append(button(`Leave ${room.name}`, () => roomAction(`api/chat/rooms/${room.id}/members/me`, 'DELETE')));
        } else {
            item.append(button(`Join ${room.name}`, () => roomAction(`api/chat/rooms/${room.id}/members/me`, 'PUT')));
        }
        if (room.owner === me) {
            item.append(button(`Delete ${room.name}`, () => roomAction(`api/chat/rooms/${room.id}`, 'DELETE')));
        }
        if (unread.get(room.conversation)) item.append(badge(unread.get(room.conversation)));
        return item;
    }));
}

async function roomAction(path, method) {
    showError(null);
    try {
        await api(path, { method });
        await loadRooms();
    } catch (e) {
        showError(e.message);
    }
}

document.getElementById('room-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('room-name');
    showError(null);
    try {
        await api('api/chat/rooms', { method: 'POST', json: { name: input.value } });
        input.value = '';
        await loadRooms();
    } catch (e) {
        showError(e.message);
    }
});

document.getElementById('dm-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('dm-user');
    openDirect(input.value.trim());
    input.value = '';
});

function onServerMessage(data) {
    if (!data || !CHAT_TYPES.has(data.type)) return;
    if (view.handle(data)) return;
    if (data.type === 'chatMessage' && data.message.from !== me) {
        const other = otherOf(data.message.conversation, me);
        toast(other ? `New message from ${data.message.from}: ${data.message.text}`
            : `New message in ${roomNames.get(data.message.conversation) || data.message.conversation}`
              + ` from ${data.message.from}: ${data.message.text}`);
        loadUnread();
    } else if (data.type === 'roomDeleted') {
        if (view.conversation === data.conversation) {
            box.hidden = true;
            heading.hidden = true;
        }
        toast(`The room ${data.name} was deleted`);
        loadRooms().catch(() => {});
    }
}

// away after a minute without activity, or when the page is hidden; active again on the next key or move
let away = false;
let idleTimer = null;
function report(nowAway) {
    if (nowAway !== away && connection) {
        away = nowAway;
        connection.emit('presence', { state: away ? 'away' : 'active' });
    }
}
function active() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => report(true), IDLE_MS);
    if (!document.hidden) report(false);
}
document.addEventListener('visibilitychange', () => report(document.hidden));
['pointermove', 'keydown'].forEach((type) => window.addEventListener(type, active));

const statusLine = document.getElementById('chat-status');
const STATUS_TEXT = { connecting: 'Connecting…', online: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
function showStatus(state, detail) {
    statusLine.dataset.state = state;
    statusLine.textContent = detail ? `${STATUS_TEXT[state] || state}: ${detail}` : (STATUS_TEXT[state] || state);
}

async function start() {
    const session = await api('api/session');
    me = session.user;
    connection = new BoardConnection(null, {
        onStatus: showStatus,
        onServerMessage,
        onPeerMessage: () => {},
        onFresh: () => { loadUnread(); view.refresh(); },
    });
    await connection.start();
    active();
    loadOnline();
    setInterval(loadOnline, ONLINE_EVERY_MS);
}

start().catch((e) => showError(`Chat is not available: ${e.message}`));
