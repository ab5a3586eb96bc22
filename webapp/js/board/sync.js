// The real-time glue: loads the stored board (shapes and version) from the app, opens the connection to the
// board's group, applies what the app announces in version order (a gap means something was missed: the board is
// loaded again) and shows the strokes others are drawing right now. The chat panel shares the connection; the
// history (history/) hears the board's versions and its own messages (onBoardVersion, onBoardMessage).
import { api } from '../api.js';
import { BoardConnection } from '../realtime.js';
import { boardChat } from '../chat.js'; // chat (issue 6)
import { boardId, clearButton, showMessage } from './page.js';
import { SceneMap, state, invalidate } from './scene.js';
import { connection, setConnection, showStatus } from './status.js';
import { showPeople } from './presence.js';
import { peerCursor } from './cursors.js';
import { showBackground } from './background.js';
import { showTitle } from './title.js';
import { selectTool } from './tools.js';
import { peerLaser } from './tools/laser.js';
import { peerView, peerSummon, viewWanted, showIndicator } from './follow.js';

const versionListeners = [];
const messageListeners = [];

/**
 * Calls `listener(loaded)` each time the board shown here reached a new version: `loaded` true when it was loaded
 * (at the start and after each resync), false for a change applied (history/: the visit recorded).
 */
export function onBoardVersion(listener) {
    versionListeners.push(listener);
}

/**
 * Gives `listener(data)` each board message the app sends (of this board) before the page applies it; a listener
 * that returns true has taken it (history/: boardRestored, versionsChanged).
 */
export function onBoardMessage(listener) {
    messageListeners.push(listener);
}

async function loadDiagram() {
    const diagram = await api(`api/boards/${encodeURIComponent(boardId)}/diagram`);
    showTitle(diagram.board.title);
    setRole(diagram.board.role);
    state.version = diagram.version;
    state.shapes = new SceneMap(diagram.shapes.map((s) => [s.id, s]));
    showBackground(diagram.board.background, diagram.board.backgroundColor);
    invalidate();
    versionListeners.forEach((listener) => listener(true));
}

// what board.css fades for a viewer is also disabled: announced as unavailable, out of the Tab order, and exempt
// from the contrast rule that faded text alone would break
const VIEWER_OFF = '.editor-only, .toolbar .tools, #undo, #redo';

function disableForViewers(viewer) {
    for (const part of document.querySelectorAll(VIEWER_OFF)) {
        const controls = part.matches('button, input, select') ? [part] : part.querySelectorAll('button, input, select');
        controls.forEach((control) => { control.disabled = viewer; });
    }
}

function setRole(role) {
    state.role = role || 'viewer';
    document.getElementById('role').textContent = state.role;
    document.body.dataset.role = state.role;
    disableForViewers(state.role === 'viewer');
    clearButton.hidden = state.role !== 'owner';
    document.getElementById('summon').hidden = state.role !== 'owner';
    if (state.role === 'viewer') {
        selectTool('hand');
    }
}

/** A message the app sent to the board's group: applied in version order; a gap means something was missed. */
function onServerMessage(data) {
    if (!data || data.board !== boardId) {
        return;
    }
    if (messageListeners.some((listener) => listener(data))) {
        return;
    }
    if (data.type === 'roleChanged') { // an owner changed this person's role: the page follows at once
        setRole(data.role);
        return;
    }
    if (data.type === 'boardRenamed' && typeof data.title === 'string') { // an owner renamed it (title.js)
        showTitle(data.title);
        return;
    }
    if (data.type === 'presence') {
        showPeople(data.people);
        showIndicator();
        if (data.joined) viewWanted(); // the newcomer learns where everyone looks
        return;
    }
    if (typeof data.version !== 'number') {
        return;
    }
    if (data.version <= state.version) {
        return; // already applied
    }
    if (data.fromVersion > state.version) {
        resync();
        return;
    }
    if (data.type === 'shapesChanged') {
        for (const shape of data.put) {
            state.shapes.set(shape.id, shape);
            state.peers.delete(shape.id);
        }
        for (const id of data.removed) {
            state.shapes.delete(id);
            state.peers.delete(id);
        }
    } else if (data.type === 'boardCleared') {
        state.shapes.clear();
        state.peers.forEach((peer, id) => { if (peer.replaces) state.peers.delete(id); });
    } else if (data.type === 'backgroundChanged') {
        showBackground(data.background, data.backgroundColor);
    }
    state.version = data.version;
    invalidate();
    versionListeners.forEach((listener) => listener(false));
}

let resyncing = null;
/** Loads the board again (once at a time); resolves when it is loaded. */
export function resync() {
    if (!resyncing) {
        resyncing = loadDiagram().catch((e) => showMessage(`Could not load the board: ${e.message}`))
            .finally(() => { resyncing = null; });
    }
    return resyncing;
}

/**
 * A live stroke from someone drawing right now (not stored; the committed shape replaces it), shapes someone is
 * moving, resizing or turning right now (drawn instead of the stored ones until the change comes), a cursor, a
 * laser trail, or someone's view (follow.js).
 */
function onPeerMessage(data, from) {
    if (data && data.type === 'cursor' && Number.isFinite(data.x) && Number.isFinite(data.y)) {
        peerCursor(from, data.x, data.y);
        return;
    }
    if (data && data.type === 'view') {
        peerView(from, data);
        return;
    }
    if (data && data.type === 'summon') {
        peerSummon(from, data);
        return;
    }
    if (data && data.type === 'laser') {
        peerLaser(from, data);
        return;
    }
    if (data && data.type === 'edit') {
        onPeerEdit(data, from);
        return;
    }
    if (!data || data.type !== 'stroke' || typeof data.id !== 'string' || !Array.isArray(data.points)) {
        return;
    }
    const known = state.peers.get(data.id);
    const points = known && data.from > 0 && data.from === known.shape.points.length
        ? known.shape.points.concat(data.points) : data.points;
    state.peers.set(data.id, {
        shape: { id: data.id, kind: data.kind, stroke: data.stroke, width: data.width, fill: data.fill, points, author: from },
        at: Date.now(),
    });
    invalidate();
}

function onPeerEdit(data, from) {
    if (data.done === true && Array.isArray(data.ids)) {
        data.ids.forEach((id) => { if (state.peers.has(id) && state.peers.get(id).replaces) state.peers.delete(id); });
    } else if (Array.isArray(data.shapes) && data.shapes.length <= 500) {
        for (const s of data.shapes) {
            // only stored shapes are shown moving; what is drawn is only ever canvas paths and text
            if (!s || typeof s.id !== 'string' || !state.shapes.has(s.id) || typeof s.kind !== 'string'
                || !Array.isArray(s.points) || !s.points.every(Number.isFinite)) continue;
            state.peers.set(s.id, { shape: { ...s, author: from }, at: Date.now(), replaces: true });
        }
    }
    invalidate();
}

/** Loads the board, then connects; what went wrong is shown on the page. */
export async function start() {
    try {
        await loadDiagram();
    } catch (e) {
        if (e.status !== 401) showMessage(e.status === 404 ? 'There is no such board.' : `Could not open the board: ${e.message}`);
        return;
    }
    const chat = boardChat(boardId, () => connection); // chat (issue 6): the panel shares this connection
    setConnection(new BoardConnection(boardId, {
        onStatus: showStatus,
        onServerMessage: (data) => chat.onServerMessage(data) || onServerMessage(data),
        onPeerMessage,
        onFresh: (negotiated) => { setRole(negotiated.role); resync(); chat.onFresh(negotiated); },
    }));
    await connection.start();
    const presence = await api(`api/boards/${encodeURIComponent(boardId)}/presence`).catch(() => []);
    showPeople(presence);
    showIndicator();
}
