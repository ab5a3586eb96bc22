// Chat (issue 6): a conversation view (history newest first with "load earlier", live messages shown once by their
// id, sending with a clientId so that a resend after a reconnect is stored once, typing notices, errors such as the
// rate limit), the board's chat panel, and in-page notifications. Every piece of user text is set with
// textContent, never as HTML (F16).
import { api } from './api.js';

const PAGE = 50;
const TYPING_EVERY_MS = 2_000;
const TYPING_SHOWN_MS = 4_000;
const READ_AFTER_MS = 1_000;
const TOAST_MS = 6_000;

/** The chat messages the app sends on the real-time channel (all others belong to the page). */
export const CHAT_TYPES = new Set(['chatMessage', 'typing', 'roomDeleted']);

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A message's own id, made by the sender: sent again after a reconnect, it is still stored once. */
export function newClientId() {
    if (globalThis.crypto && typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) {
        return crypto.randomUUID();
    }
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The other person of a direct conversation (dm:a:b), or null. */
export function otherOf(conversation, me) {
    const parts = conversation.split(':');
    if (parts[0] !== 'dm' || parts.length !== 3) return null;
    return parts[1] === me ? parts[2] : parts[1];
}

/** The key of the direct conversation between two people (their ids sorted). */
export function directKey(a, b) {
    return a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`;
}

/** An in-page notification (a toast) that goes away by itself. */
export function toast(text) {
    let region = document.getElementById('chat-toasts');
    if (!region) {
        region = document.createElement('div');
        region.id = 'chat-toasts';
        region.className = 'chat-toasts';
        region.setAttribute('role', 'status');
        region.setAttribute('aria-live', 'polite');
        document.body.append(region);
    }
    const note = document.createElement('p');
    note.className = 'chat-toast';
    note.textContent = text;
    region.append(note);
    setTimeout(() => note.remove(), TOAST_MS);
}

/**
 * One conversation shown in `root`, which holds the elements marked data-chat="messages|earlier|typing|error|form|text".
 * `getConnection()` gives the page's BoardConnection (sends chatSend and chatTyping).
 */
export class ChatView {
    constructor(root, { getConnection, me = () => null }) {
        this.root = root;
        this.getConnection = getConnection;
        this.me = me;
        this.list = root.querySelector('[data-chat="messages"]');
        this.earlier = root.querySelector('[data-chat="earlier"]');
        this.typingLine = root.querySelector('[data-chat="typing"]');
        this.error = root.querySelector('[data-chat="error"]');
        this.form = root.querySelector('[data-chat="form"]');
        this.text = root.querySelector('[data-chat="text"]');
        this.conversation = null;
        this.shown = new Map();    // message id -> element
        this.pending = new Map();  // clientId -> element, until the message is stored
        this.typers = new Map();   // user -> timer
        this.lastTyping = 0;
        this.readTimer = null;
        this.earlier.addEventListener('click', () => this.loadEarlier());
        this.form.addEventListener('submit', (event) => {
            event.preventDefault();
            this.send();
        });
        this.text.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                this.send();
            }
        });
        this.text.addEventListener('input', () => this.#typing());
        // keys typed in the chat are the chat's: the page around it (the board's shortcuts) does not see them
        root.addEventListener('keydown', (event) => event.stopPropagation());
    }

    /** Shows the conversation: its newest page of history. */
    async open(conversation) {
        this.conversation = conversation;
        this.shown.clear();
        this.pending.clear();
        this.list.replaceChildren();
        this.#showError(null);
        await this.refresh();
    }

    /** Loads the newest page again (after a reconnect: what was missed); messages already shown stay once. */
    async refresh() {
        if (!this.conversation) return;
        try {
            const page = await api(`api/chat/${encodeURIComponent(this.conversation)}/messages?limit=${PAGE}`);
            page.messages.forEach((m) => this.#add(m));
            if (this.shown.size <= page.messages.length) {
                this.earlier.hidden = !page.more;
            }
            this.#scrollToEnd();
            this.#markRead();
        } catch (e) {
            this.#showError(`Could not load the chat: ${e.message}`);
        }
    }

    /** The page before the oldest message shown. */
    async loadEarlier() {
        const oldest = Math.min(...this.shown.keys());
        if (!Number.isFinite(oldest)) return;
        try {
            const page = await api(`api/chat/${encodeURIComponent(this.conversation)}/messages?limit=${PAGE}&before=${oldest}`);
            page.messages.forEach((m) => this.#add(m));
            this.earlier.hidden = !page.more;
        } catch (e) {
            this.#showError(`Could not load earlier messages: ${e.message}`);
        }
    }

    /** A chat message from the app; returns whether it was about this conversation. */
    handle(data) {
        if (data.type === 'chatMessage' && data.message.conversation === this.conversation) {
            this.#add(data.message);
            this.#stopTyping(data.message.from);
            this.#scrollToEnd();
            this.#markRead();
            return true;
        }
        if (data.type === 'typing' && data.conversation === this.conversation) {
            if (data.user !== this.me()) this.#startTyping(data.user);
            return true;
        }
        return false;
    }

    /** Sends what is in the text box; on a refusal (e.g. the rate limit) says why and gives the text back. */
    async send() {
        const text = this.text.value.trim();
        const connection = this.getConnection();
        if (!text || !connection || !this.conversation) return;
        const clientId = newClientId();
        const conversation = this.conversation;
        this.text.value = '';
        this.#showError(null);
        const item = this.#item({ from: this.me() || 'me', text, sentAt: null });
        item.classList.add('pending');
        this.pending.set(clientId, item);
        this.list.append(item);
        this.#scrollToEnd();
        try {
            const result = await connection.send('chatSend', { conversation, text, clientId });
            if (this.conversation === conversation) this.#add(result.message);
        } catch (result) {
            item.remove();
            this.pending.delete(clientId);
            if (!this.text.value) this.text.value = text;
            const message = result && result.error ? result.error.message : String(result);
            this.#showError(`Not sent: ${message}`);
        }
    }

    #add(message) {
        const waiting = message.clientId && message.from === this.me() ? this.pending.get(message.clientId) : null;
        if (waiting) {
            waiting.remove();
            this.pending.delete(message.clientId);
        }
        if (this.shown.has(message.id)) {
            return;
        }
        const item = this.#item(message);
        item.dataset.id = message.id;
        this.shown.set(message.id, item);
        // in id order: the first shown message with a larger id comes after it; pending ones stay last
        const after = [...this.list.children].find((li) => li.dataset.id === undefined || Number(li.dataset.id) > message.id);
        this.list.insertBefore(item, after || null);
    }

    #item(message) {
        const item = document.createElement('li');
        item.className = 'chat-message';
        const from = document.createElement('span');
        from.className = 'chat-from';
        from.textContent = message.from;
        const time = document.createElement('time');
        time.className = 'chat-time';
        if (message.sentAt) {
            time.dateTime = message.sentAt;
            time.textContent = timeFormat.format(new Date(message.sentAt));
        } else {
            time.textContent = 'sending…';
        }
        const text = document.createElement('p');
        text.className = 'chat-text';
        text.textContent = message.text;
        item.append(from, time, text);
        return item;
    }

    #typing() {
        const connection = this.getConnection();
        const now = Date.now();
        if (connection && this.conversation && this.text.value && now - this.lastTyping > TYPING_EVERY_MS) {
            this.lastTyping = now;
            connection.emit('chatTyping', { conversation: this.conversation });
        }
    }

    #startTyping(user) {
        clearTimeout(this.typers.get(user));
        this.typers.set(user, setTimeout(() => this.#stopTyping(user), TYPING_SHOWN_MS));
        this.#showTypers();
    }

    #stopTyping(user) {
        clearTimeout(this.typers.get(user));
        this.typers.delete(user);
        this.#showTypers();
    }

    #showTypers() {
        const users = [...this.typers.keys()];
        this.typingLine.textContent = users.length === 0 ? ''
            : `${users.join(', ')} ${users.length === 1 ? 'is' : 'are'} typing…`;
    }

    #showError(text) {
        this.error.hidden = !text;
        this.error.textContent = text || '';
    }

    #scrollToEnd() {
        this.list.scrollTop = this.list.scrollHeight;
    }

    /** Tells the app what has been read here (the newest message shown), once things settle. */
    #markRead() {
        clearTimeout(this.readTimer);
        this.readTimer = setTimeout(() => {
            const newest = Math.max(...this.shown.keys());
            if (!Number.isFinite(newest) || document.hidden || !this.conversation) return;
            api(`api/chat/${encodeURIComponent(this.conversation)}/read`, { method: 'POST', json: { lastReadId: newest } })
                .then(() => this.root.dispatchEvent(new CustomEvent('chat-read')))
                .catch(() => {});
        }, READ_AFTER_MS);
    }
}

/**
 * The chat panel beside a board (#chat in board.html): the board's conversation, plus a notification when a direct
 * message or a room message arrives. Returns {onServerMessage(data) → whether it was a chat message, onFresh()}.
 */
export function boardChat(boardId, getConnection) {
    const panel = document.getElementById('chat');
    const toggle = document.getElementById('chat-toggle');
    let me = null;
    const view = new ChatView(panel, { getConnection, me: () => me });
    let unseen = 0;
    const showUnseen = () => { toggle.textContent = unseen ? `Chat (${unseen} new)` : 'Chat'; };
    toggle.addEventListener('click', () => {
        const open = panel.hidden;
        panel.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        if (open) {
            unseen = 0;
            showUnseen();
            view.text.focus();
        }
    });
    let role = null;
    let viewersMayChat = true;
    const showMayPost = () => {
        const may = role !== 'viewer' || viewersMayChat;
        view.text.disabled = !may;
        view.text.placeholder = may ? 'Message the board' : 'The board\'s owners turned chat off for viewers';
    };
    const loadSettings = () => api(`api/boards/${encodeURIComponent(boardId)}/chat-settings`).then((settings) => {
        viewersMayChat = settings.viewersMayChat;
        showMayPost();
    }).catch(() => {});
    let opened = false;
    return {
        onServerMessage(data) {
            if (!data || !CHAT_TYPES.has(data.type)) return false;
            const here = view.handle(data);
            if (here && data.type === 'chatMessage' && data.message.from !== me && panel.hidden) {
                unseen++;
                showUnseen();
            }
            if (!here && data.type === 'chatMessage' && data.message.from !== me) {
                const other = otherOf(data.message.conversation, me);
                toast(other ? `New message from ${data.message.from}: ${data.message.text}`
                    : `New message in ${data.message.conversation} from ${data.message.from}`);
            }
            return true;
        },
        onFresh(negotiated) {
            me = negotiated.userId;
            role = negotiated.role;
            loadSettings();
            if (!opened) {
                opened = true;
                view.open(`board:${boardId}`);
            } else {
                view.refresh();
            }
        },
        view,
    };
}
