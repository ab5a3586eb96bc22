// The page's real-time connection to a board: Web PubSub's reliable JSON subprotocol, spoken directly to the
// service (Azure or the built-in hub) with the URL `negotiate` hands out. Keeps the connection alive by itself:
// after a drop it first recovers the same connection (30 s, nothing missed), then negotiates afresh and tells the
// page to resync. Board events are queued until they are answered, so a change made while offline is sent when
// the connection is back. A socket that looks open but carries nothing any more (a laptop that slept, a frozen tab,
// a network that lost the connection without a word) is noticed by the liveness check below and replaced.
import { api } from './api.js';

const SUBPROTOCOL = 'json.reliable.webpubsub.azure.v1';
const RECOVERY_MS = 30_000;
const ACK_EVERY_MS = 500;
const EVENT_TIMEOUT_MS = 15_000;
const NEGOTIATE_TIMEOUT_MS = 10_000;

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
        this.recoveringSince = null;   // when the recovery under way started; null when none is
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
        this.liveness = new Liveness(() => this.socket, (socket, reason) => this.#stale(socket, reason));
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
                : `api/negotiate?board=${encodeURIComponent(this.board)}`,
            { signal: AbortSignal.timeout(NEGOTIATE_TIMEOUT_MS) }); // a request lost on a dead network is retried
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
        this.recoveringSince = null;
        this.liveness.watch(socket);
        socket.onmessage = (event) => {
            if (this.socket === socket) {
                this.liveness.heard();
                this.#frame(JSON.parse(event.data), recovering);
            }
        };
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
            this.recoveringSince = null;
            this.#fresh();
            return;
        }
        const url = `${this.negotiated.url}&awps_connection_id=${encodeURIComponent(this.connectionId)}`
            + `&awps_reconnection_token=${encodeURIComponent(this.reconnectionToken)}`;
        const socket = new WebSocket(url, SUBPROTOCOL);
        this.socket = socket;
        this.recoveringSince = startedAt;
        this.liveness.watch(socket);
        let opened = false;
        socket.onopen = () => {
            opened = true;
            this.recoveringSince = null;
            this.handlers.onStatus('online');
            for (const requestId of this.pending.keys()) {
                this.#transmit(requestId);
            }
        };
        socket.onmessage = (event) => {
            if (this.socket === socket) {
                this.liveness.heard();
                this.#frame(JSON.parse(event.data), true);
            }
        };
        socket.onclose = (event) => {
            if (this.socket !== socket || this.stopped) {
                return;
            }
            if (event.code === 1008) {
                this.connectionId = null;
                this.recoveringSince = null;
                this.#fresh();
            } else if (opened) {
                this.handlers.onStatus('reconnecting');
                this.#recover(Date.now());
            } else {
                setTimeout(() => this.#recover(startedAt), 1_000);
            }
        };
    }

    /**
     * The liveness check gave up on `socket` (no answer to a ping, or it never opened): it is let go at once (a
     * close handshake with a peer that is gone would only time out) and replaced, recovering the same connection if
     * it may still be, else with a new one (negotiated afresh: the page then resyncs).
     */
    #stale(socket, reason) {
        if (this.socket !== socket || this.stopped) {
            return;
        }
        const neverOpened = socket.readyState === WebSocket.CONNECTING;
        this.socket = null; // its onclose, whenever it comes, is not ours to handle any more
        try {
            socket.close(4000, 'no sign of life');
        } catch {
            // already closing
        }
        this.handlers.onStatus('reconnecting', reason);
        if (this.recoveringSince !== null) {
            this.#recover(this.recoveringSince); // another try, within the same recovery window
        } else if (!neverOpened && this.connectionId && this.reconnectionToken) {
            this.#recover(Date.now());
        } else {
            this.#fresh();
        }
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

// ---- liveness ---------------------------------------------------------------------------------------------------
// A socket can look open and carry nothing any more: the laptop slept and the server gave up on it meanwhile, the tab
// was frozen, a NAT or a proxy forgot the connection. The browser does not notice (no close reaches it), so the page
// asks: after QUIET_MS without any frame it sends the subprotocols' `{"type":"ping"}` (the service answers
// `{"type":"pong"}`), and a socket that brings nothing at all within ANSWER_MS of it is stale. The page checks at once
// when it may just have woken up: the tab becomes visible again, the network is back (`online`), a frozen page is
// resumed (`resume`), or its own timer ran late (the machine slept). A socket that does not open within CONNECT_MS
// (its handshake lost on the way) is given up too. Self-contained: it only needs the current socket and whom to tell.

const QUIET_MS = 15_000;
const ANSWER_MS = 5_000;
const CONNECT_MS = 10_000;
const TICK_MS = 1_000;

export class Liveness {
    /**
     * @param currentSocket () => the socket in use now (or null)
     * @param onStale (socket, reason) => called once per socket found stale
     */
    constructor(currentSocket, onStale) {
        this.currentSocket = currentSocket;
        this.onStale = onStale;
        this.lastHeard = Date.now();
        this.pingedAt = 0;          // when the unanswered ping left; 0 when none is awaited
        this.watchedSince = Date.now();
        this.lastTick = Date.now();
        this.checks = 0;            // for the tests and the curious: pings sent, sockets given up
        this.staleSockets = 0;
        this.lastReason = null;
        setInterval(() => this.#tick(), TICK_MS);
        const wake = (why) => () => this.check(why);
        document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'visible') this.check('visible again');
        });
        document.addEventListener('resume', wake('resumed'));
        window.addEventListener('online', wake('back online'));
    }

    /** A new socket is the one in use: it has CONNECT_MS to open. */
    watch(socket) {
        this.watchedSince = Date.now();
        this.lastHeard = Date.now();
        this.pingedAt = 0;
        socket.addEventListener('open', () => this.heard());
    }

    /** Something arrived on the socket in use: it is alive. */
    heard() {
        this.lastHeard = Date.now();
        this.pingedAt = 0;
    }

    /**
     * Asks the socket in use for a sign of life now (a new ping with a new deadline: an answer to an older one may
     * still be queued behind a freeze).
     */
    check(why) {
        const socket = this.currentSocket();
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            return;
        }
        this.pingedAt = Date.now();
        this.checks++;
        this.lastReason = why;
        try {
            socket.send('{"type":"ping"}');
        } catch {
            // closing already: its close is handled where it is heard
        }
    }

    #tick() {
        const now = Date.now();
        const late = now - this.lastTick > 3 * TICK_MS; // the page or the machine slept: judge nothing old
        this.lastTick = now;
        const socket = this.currentSocket();
        if (!socket) {
            return;
        }
        if (socket.readyState === WebSocket.CONNECTING) {
            if (late) {
                this.watchedSince = now;
            } else if (now - this.watchedSince > CONNECT_MS) {
                this.#stale(socket, 'the connection did not open');
            }
        } else if (socket.readyState === WebSocket.OPEN) {
            if (late) {
                this.check('woke up');
            } else if (this.pingedAt && now - this.pingedAt > ANSWER_MS) {
                this.#stale(socket, 'no answer from the server');
            } else if (!this.pingedAt && now - this.lastHeard > QUIET_MS) {
                this.check('quiet');
            }
        }
    }

    #stale(socket, reason) {
        this.staleSockets++;
        this.lastReason = reason;
        this.pingedAt = 0;
        this.onStale(socket, reason);
    }
}
