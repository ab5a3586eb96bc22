// The page's real-time connection to a board: Web PubSub's reliable JSON subprotocol, spoken directly to the
// service (Azure or the built-in hub) with the URL `negotiate` hands out. Keeps the connection alive by itself:
// after a drop it first recovers the same connection (30 s, nothing missed), then negotiates afresh and tells the
// page to resync. Board events are queued until they are answered, so a change made while offline is sent when
// the connection is back.
import { api } from './api.js';

const SUBPROTOCOL = 'json.reliable.webpubsub.azure.v1';
const RECOVERY_MS = 30_000;
const ACK_EVERY_MS = 500;
const EVENT_TIMEOUT_MS = 15_000;

export class BoardConnection {
    /**
     * @param board the board id; null for a connection on no board (the boards list page: negotiate?lobby=true),
     *              which hears direct messages and the rooms of its user
     * @param handlers {onStatus(status, detail), onServerMessage(data), onPeerMessage(data, fromUserId),
     *                  onFresh(negotiated)}: onFresh runs after every new (not recovered) connection
     */
    constructor(board, handlers) {
        this.board = board;
        this.handlers = handlers;
        this.pending = new Map();      // requestId -> {event, data, resolve, reject, sentAt}
        this.ackId = 0;
        this.requestSeq = 0;
        this.lastSequenceId = 0;
        this.ackedSequenceId = 0;
        this.stopped = false;
        this.negotiated = null;
        setInterval(() => this.#acknowledge(), ACK_EVERY_MS);
        setInterval(() => this.#resendOverdue(), 2_000);
        // Leaving the page closes the connection with a close frame: the service ends it at once, so the others'
        // presence drops this person now rather than when the recovery window runs out. A page brought back from
        // the back-forward cache connects afresh.
        addEventListener('pagehide', () => {
            if (!this.stopped && this.socket) {
                this.stopped = true;
                this.left = true;
                this.socket.close(1000, 'left the page');
            }
        });
        addEventListener('pageshow', (event) => {
            if (event.persisted && this.left) {
                this.left = false;
                this.stopped = false;
                this.#fresh();
            }
        });
    }

    /** The first connection; later ones happen by themselves. */
    async start() {
        await this.#fresh();
    }

    /** Sends a live message to the board's group (not stored; dropped while offline). */
    publish(data) {
        if (!this.#open() || !this.negotiated || this.negotiated.role === 'viewer') {
            return;
        }
        this.socket.send(JSON.stringify({
            type: 'sendToGroup', group: this.negotiated.groups[0], noEcho: true, dataType: 'json', data,
        }));
    }

    /**
     * Sends a board event and resolves with the app's result ({ok, version} or {ok:false, error}). Queued while
     * offline and sent again after a reconnect or when the app says it may be retried: nothing is dropped.
     */
    send(event, data) {
        const requestId = `${Date.now().toString(36)}-${++this.requestSeq}`;
        return new Promise((resolve, reject) => {
            this.pending.set(requestId, { event, data: { ...data, board: this.board, requestId }, resolve, reject, sentAt: 0 });
            this.#transmit(requestId);
        });
    }

    /**
     * Sends an event that has no reply when it is taken (e.g. chatTyping): not queued, dropped while offline.
     */
    emit(event, data) {
        if (this.#open()) {
            this.socket.send(JSON.stringify({ type: 'event', event, ackId: ++this.ackId, dataType: 'json', data }));
        }
    }

    /** Events that have not been answered yet (shown as "saving…"). */
    get unsaved() {
        return this.pending.size;
    }

    #open() {
        return this.socket && this.socket.readyState === WebSocket.OPEN;
    }

    #transmit(requestId) {
        const entry = this.pending.get(requestId);
        if (!entry || !this.#open()) {
            return;
        }
        entry.sentAt = Date.now();
        this.socket.send(JSON.stringify({
            type: 'event', event: entry.event, ackId: ++this.ackId, dataType: 'json', data: entry.data,
        }));
    }

    #resendOverdue() {
        const now = Date.now();
        for (const [requestId, entry] of this.pending) {
            if (entry.sentAt === 0 || now - entry.sentAt > EVENT_TIMEOUT_MS) {
                this.#transmit(requestId);
            }
        }
    }

    async #fresh() {
        this.handlers.onStatus('connecting');
        try {
            this.negotiated = await api(this.board === null ? 'api/negotiate?lobby=true'
                : `api/negotiate?board=${encodeURIComponent(this.board)}`);
        } catch (e) {
            this.handlers.onStatus('offline', e.message);
            if (e.status === 403 || e.status === 404) {
                this.stopped = true;
                return;
            }
            setTimeout(() => this.#fresh(), 3_000);
            return;
        }
        this.lastSequenceId = 0;
        this.ackedSequenceId = 0;
        this.#open_socket(this.negotiated.url, false);
    }

    #open_socket(url, recovering) {
        const socket = new WebSocket(url, SUBPROTOCOL);
        this.socket = socket;
        socket.onmessage = (event) => this.#frame(JSON.parse(event.data), recovering);
        socket.onclose = (event) => {
            if (this.socket !== socket || this.stopped) {
                return;
            }
            this.handlers.onStatus('reconnecting');
            if (event.code === 1008 || !this.connectionId || !this.reconnectionToken) {
                setTimeout(() => this.#fresh(), 1_000);
            } else {
                this.#recover(Date.now());
            }
        };
    }

    #recover(startedAt) {
        if (Date.now() - startedAt > RECOVERY_MS) {
            this.#fresh();
            return;
        }
        const url = `${this.negotiated.url}&awps_connection_id=${encodeURIComponent(this.connectionId)}`
            + `&awps_reconnection_token=${encodeURIComponent(this.reconnectionToken)}`;
        const socket = new WebSocket(url, SUBPROTOCOL);
        this.socket = socket;
        let opened = false;
        socket.onopen = () => {
            opened = true;
            this.handlers.onStatus('online');
            for (const requestId of this.pending.keys()) {
                this.#transmit(requestId);
            }
        };
        socket.onmessage = (event) => this.#frame(JSON.parse(event.data), true);
        socket.onclose = (event) => {
            if (this.socket !== socket || this.stopped) {
                return;
            }
            if (event.code === 1008) {
                this.connectionId = null;
                this.#fresh();
            } else if (opened) {
                this.handlers.onStatus('reconnecting');
                this.#recover(Date.now());
            } else {
                setTimeout(() => this.#recover(startedAt), 1_000);
            }
        };
    }

    #frame(frame, recovering) {
        if (frame.sequenceId) {
            if (frame.sequenceId <= this.lastSequenceId) {
                return; // replayed after a recovery, and already handled
            }
            this.lastSequenceId = frame.sequenceId;
        }
        if (frame.type === 'system' && frame.event === 'connected') {
            this.connectionId = frame.connectionId;
            this.reconnectionToken = frame.reconnectionToken;
            this.handlers.onStatus('online');
            if (!recovering) {
                this.handlers.onFresh(this.negotiated);
            }
            for (const requestId of this.pending.keys()) {
                this.#transmit(requestId);
            }
        } else if (frame.type === 'system' && frame.event === 'disconnected') {
            this.handlers.onStatus('reconnecting', frame.message);
        } else if (frame.type === 'ack' && !frame.success && frame.error?.name !== 'Duplicate') {
            // the service could not reach the app: the pending event stays queued and is sent again
        } else if (frame.type === 'message' && frame.from === 'server' && frame.data
            && frame.data.type !== 'result' && frame.data.type !== 'error') {
            // the app, to this user (send-to-user: direct messages), one or several at once
            const messages = frame.data.type === 'batch' ? frame.data.messages : [frame.data];
            messages.forEach((message) => this.handlers.onServerMessage(message));
        } else if (frame.type === 'message' && frame.from === 'server') {
            this.#reply(frame.data);
        } else if (frame.type === 'message' && frame.from === 'group') {
            if (frame.fromUserId === undefined) {
                // the app, through the service's REST API; several at once under load, in order
                const messages = frame.data && frame.data.type === 'batch' ? frame.data.messages : [frame.data];
                messages.forEach((message) => this.handlers.onServerMessage(message));
            } else {
                this.handlers.onPeerMessage(frame.data, frame.fromUserId);
            }
        }
    }

    #reply(data) {
        if (!data || data.type !== 'result' || !this.pending.has(data.requestId)) {
            return;
        }
        const entry = this.pending.get(data.requestId);
        if (!data.ok && data.retryable && !data.retryAfterMs) {
            entry.sentAt = Date.now() - EVENT_TIMEOUT_MS + 3_000; // the database is away: try again in 3 s
            this.handlers.onStatus('online', 'saving is delayed: the server cannot store changes right now');
            return;
        }
        this.pending.delete(data.requestId);
        (data.ok ? entry.resolve : entry.reject)(data);
    }

    #acknowledge() {
        if (this.#open() && this.lastSequenceId > this.ackedSequenceId) {
            this.socket.send(JSON.stringify({ type: 'sequenceAck', sequenceId: this.lastSequenceId }));
            this.ackedSequenceId = this.lastSequenceId;
        }
    }
}
