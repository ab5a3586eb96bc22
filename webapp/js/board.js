// The board page: draws the board on a <canvas>, lets editors draw, and keeps in step with everyone else through
// the real-time connection. The stored board (shapes and version) comes from the app; changes made here are shown
// at once, sent as board events, and replaced by what the app committed. All user text is drawn or set as text.
import { api } from './api.js';
import { BoardConnection } from './realtime.js';
import { drawShape, bounds } from './shapes.js';
import { boardChat } from './chat.js'; // chat (issue 6)
import { boardId, canvas, ctx, strokeInput, clearButton, showMessage } from './board/page.js';
import { scene, SceneMap, state, visibleShapes, boxOf, invalidate, onFrame } from './board/scene.js';
import { connection, setConnection, showStatus } from './board/status.js';
import { newId, wire, change, undo, redo } from './board/changes.js';
import { zoomCentre } from './board/view.js';
import { showPeople } from './board/presence.js';
import { cursors, peerCursor, paintCursors } from './board/cursors.js';
import { showBackground, uploadBackground } from './board/background.js';
import { selectTool, toolForKey } from './board/tools.js';
import { removeSelected, paintSelection } from './board/tools/select.js';
import './board/tools/draw.js';
import './board/tools/text.js';
import './board/tools/eraser.js';
import { setSpaceDown } from './board/input.js'; // and the Pan tool

// ---- loading and converging ------------------------------------------------------------------------------

async function loadDiagram() {
    const diagram = await api(`api/boards/${encodeURIComponent(boardId)}/diagram`);
    document.getElementById('board-title').textContent = diagram.board.title;
    document.title = `${diagram.board.title} · Whiteboard`;
    setRole(diagram.board.role);
    state.version = diagram.version;
    state.shapes = new SceneMap(diagram.shapes.map((s) => [s.id, s]));
    showBackground(diagram.board.background, diagram.board.backgroundColor);
    invalidate();
}

function setRole(role) {
    state.role = role || 'viewer';
    document.getElementById('role').textContent = state.role;
    document.body.dataset.role = state.role;
    clearButton.hidden = state.role !== 'owner';
    if (state.role === 'viewer') {
        selectTool('hand');
    }
}

/** A message the app sent to the board's group: applied in version order; a gap means something was missed. */
function onServerMessage(data) {
    if (!data || data.board !== boardId) {
        return;
    }
    if (data.type === 'presence') {
        showPeople(data.people);
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
        }
    } else if (data.type === 'boardCleared') {
        state.shapes.clear();
    } else if (data.type === 'backgroundChanged') {
        showBackground(data.background, data.backgroundColor);
    }
    state.version = data.version;
    invalidate();
}

let resyncing = null;
function resync() {
    if (!resyncing) {
        resyncing = loadDiagram().catch((e) => showMessage(`Could not load the board: ${e.message}`))
            .finally(() => { resyncing = null; });
    }
    return resyncing;
}

/** A live stroke from someone drawing right now (not stored; the committed shape replaces it). */
function onPeerMessage(data, from) {
    if (data && data.type === 'cursor' && Number.isFinite(data.x) && Number.isFinite(data.y)) {
        peerCursor(from, data.x, data.y);
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

// ---- rendering -------------------------------------------------------------------------------------------
//
// The stored and pending shapes (and the background image) are drawn into an off-screen layer that covers the
// view and a margin around it. A frame then copies that layer, moved and scaled to the current view, and draws
// on top only what moves: strokes in progress (here and other people's), the shape being moved or resized, the
// selection and the cursors. The layer is drawn again only when the shapes change, when the view leaves the
// area it covers, and once a zoom has settled (while zooming, the scaled copy stands in for it).


// The layer on show, and the one being drawn: a new layer is drawn a slice at a time (about 8 ms a frame) while
// the old one, moved and scaled, stays on show, so a large board never holds a frame up. Only the very first
// layer is drawn in one go.
const layer = { canvas: document.createElement('canvas'), view: null, version: -1, hidden: null, ratio: 0,
    margin: { x: 0, y: 0 }, width: 0, height: 0, stale: false, settle: 0, builds: 0 };
const next = { canvas: document.createElement('canvas'), running: false, list: [], index: 0, area: null };
const SLICE_MS = 8;

function render() {
    const started = performance.now();
    state.dirty = false;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = state.backgroundColor || '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const editing = state.drawing && state.drawing.edit;
    const hidden = editing ? editing.id : null;
    if (layerNeedsBuilding(width, height, ratio, hidden)) {
        startLayer(width, height, ratio, hidden);
    }
    if (next.running) {
        continueLayer(layer.view ? started + SLICE_MS : Infinity);
    }
    copyLayer(ratio);
    const v = state.view;
    ctx.setTransform(ratio * v.scale, 0, 0, ratio * v.scale, ratio * v.x, ratio * v.y);
    const now = Date.now();
    for (const [id, peer] of state.peers) {
        if (now - peer.at > 10_000) state.peers.delete(id);
        else drawShape(ctx, peer.shape);
    }
    if (editing) drawShape(ctx, state.drawing.preview || editing);
    if (state.drawing && state.drawing.shape) drawShape(ctx, state.drawing.shape);
    paintSelection(ctx, ratio);
    paintCursors(ctx, ratio);
    state.frames += 1;
    state.lastRenderMs = performance.now() - started;
    if (state.renderMs.push(state.lastRenderMs) > 600) state.renderMs.splice(0, 300);
    if (next.running) invalidate();
}

/** Whether a new layer is wanted for this frame (see above); schedules a sharp one for when a zoom has settled. */
function layerNeedsBuilding(width, height, ratio, hidden) {
    if (!layer.view || layer.stale || layer.version !== scene.version || layer.hidden !== hidden || layer.ratio !== ratio) {
        return true;
    }
    const k = state.view.scale / layer.view.scale;
    // the area the layer covers, in today's screen coordinates
    const left = (-layer.margin.x - layer.view.x) * k + state.view.x;
    const top = (-layer.margin.y - layer.view.y) * k + state.view.y;
    const right = (layer.width + layer.margin.x - layer.view.x) * k + state.view.x;
    const bottom = (layer.height + layer.margin.y - layer.view.y) * k + state.view.y;
    const covered = left <= 0 && top <= 0 && right >= width && bottom >= height;
    if (covered && k === 1) {
        return false;
    }
    clearTimeout(layer.settle);
    layer.settle = setTimeout(() => { layer.stale = true; invalidate(); }, 150);
    return !covered;
}

/** Starts drawing a layer for the current view, unless one for the same shapes is being drawn already. */
function startLayer(width, height, ratio, hidden) {
    if (next.running && next.version === scene.version && next.hidden === hidden && next.ratio === ratio && !layer.stale) {
        return;
    }
    const margin = ratio > 1 ? 0.25 : 0.5; // of the view on each side; keeps the layer to a few megapixels
    next.margin = { x: Math.round(width * margin), y: Math.round(height * margin) };
    next.width = width;
    next.height = height;
    const w = Math.round((width + 2 * next.margin.x) * ratio);
    const h = Math.round((height + 2 * next.margin.y) * ratio);
    if (next.canvas.width !== w || next.canvas.height !== h) {
        next.canvas.width = w;
        next.canvas.height = h;
    }
    const target = next.canvas.getContext('2d');
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.clearRect(0, 0, w, h);
    const v = { ...state.view };
    target.setTransform(ratio * v.scale, 0, 0, ratio * v.scale, ratio * (v.x + next.margin.x), ratio * (v.y + next.margin.y));
    paintBackgroundImage(target);
    next.view = v;
    next.area = [(-next.margin.x - v.x) / v.scale, (-next.margin.y - v.y) / v.scale,
        (width + next.margin.x - v.x) / v.scale, (height + next.margin.y - v.y) / v.scale];
    next.list = visibleShapes();
    next.index = 0;
    next.version = scene.version;
    next.hidden = hidden;
    next.ratio = ratio;
    next.running = true;
    layer.stale = false;
}

/** Draws the next shapes of the layer in progress until `deadline`; puts the layer on show when it is complete. */
function continueLayer(deadline) {
    next.index = drawShapesIn(next.canvas.getContext('2d'), next.list, next.index, next.area, next.hidden, deadline);
    if (next.index < next.list.length) return;
    next.running = false;
    [layer.canvas, next.canvas] = [next.canvas, layer.canvas];
    for (const key of ['view', 'version', 'hidden', 'ratio', 'margin', 'width', 'height']) layer[key] = next[key];
    layer.builds += 1;
}

/** Copies the layer onto the canvas, moved and scaled from the view it was drawn for to the current one. */
function copyLayer(ratio) {
    if (!layer.view) return;
    const k = state.view.scale / layer.view.scale;
    ctx.setTransform(k, 0, 0, k, ratio * ((-layer.margin.x - layer.view.x) * k + state.view.x),
        ratio * ((-layer.margin.y - layer.view.y) * k + state.view.y));
    ctx.imageSmoothingEnabled = k !== 1;
    ctx.drawImage(layer.canvas, 0, 0);
    ctx.imageSmoothingEnabled = true;
}

/** The background image and every shape whose bounds meet `area` ([x0, y0, x1, y1], board units), for exports. */
function paintShapes(target, area) {
    paintBackgroundImage(target);
    drawShapesIn(target, visibleShapes(), 0, area, null, Infinity);
}

function paintBackgroundImage(target) {
    if (state.background && state.background.image.complete && state.background.image.naturalWidth) {
        target.drawImage(state.background.image, 0, 0);
    }
}

/**
 * Draws the shapes of `list` from index `from` whose bounds meet `area` ([x0, y0, x1, y1], board units), but the
 * one with id `hidden`, until `deadline` (performance.now()); returns the index it stopped at.
 */
function drawShapesIn(target, list, from, area, hidden, deadline) {
    const [left, top, right, bottom] = area;
    let i = from;
    while (i < list.length) {
        const shape = list[i++];
        const [x0, y0, x1, y1] = boxOf(shape);
        if (x1 >= left && x0 <= right && y1 >= top && y0 <= bottom && shape.id !== hidden) {
            drawShape(target, shape);
        }
        if (i % 64 === 0 && performance.now() > deadline) break;
    }
    return i;
}

onFrame(render);

/** The board's shapes as a PNG image (a Blob), cropped to what is drawn; null when the board is empty. */
function renderPng() {
    const shapes = visibleShapes();
    if (!shapes.length) {
        return Promise.resolve(null);
    }
    const box = shapes.map(bounds).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    const margin = 20;
    const width = Math.min(8000, Math.ceil(box[2] - box[0] + 2 * margin));
    const height = Math.min(8000, Math.ceil(box[3] - box[1] + 2 * margin));
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const target = out.getContext('2d');
    target.fillStyle = state.backgroundColor || '#ffffff';
    target.fillRect(0, 0, width, height);
    target.translate(margin - box[0], margin - box[1]);
    paintShapes(target, [box[0] - margin, box[1] - margin, box[0] - margin + width, box[1] - margin + height]);
    return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

async function exportPng() {
    const blob = await renderPng();
    if (!blob) {
        showMessage('The board is empty.');
        return;
    }
    download(blob, 'image/png', 'png');
}

/** The board's shapes as a JSON document other boards can import. */
function exportJson() {
    return JSON.stringify({ format: 'whiteboard', version: 1, shapes: visibleShapes().map(wire) }, null, 1);
}

/** Adds the shapes of a JSON export to this board (new ids, so nothing here is overwritten); returns how many. */
function importJson(text) {
    let document;
    try {
        document = JSON.parse(text);
    } catch {
        throw new Error('this file is not JSON');
    }
    if (!document || document.format !== 'whiteboard' || !Array.isArray(document.shapes)) {
        throw new Error('this is not a whiteboard export');
    }
    const kinds = new Set(['pen', 'line', 'arrow', 'rectangle', 'ellipse', 'text']);
    const shapes = document.shapes
        .filter((s) => s && kinds.has(s.kind) && Array.isArray(s.points) && s.points.every(Number.isFinite))
        .map((s) => ({ ...s, id: newId(), z: undefined }));
    for (let i = 0; i < shapes.length; i += 500) {
        change(shapes.slice(i, i + 500), []);
    }
    return shapes.length;
}

function svgEscape(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The board as an SVG drawing (text escaped: what people typed stays text). */
function exportSvg() {
    const shapes = visibleShapes();
    const box = shapes.length ? shapes.map(bounds).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]),
        Math.max(a[2], b[2]), Math.max(a[3], b[3])]) : [0, 0, 100, 100];
    const attrs = (s) => `stroke="${svgEscape(s.stroke || '#1e1e1e')}" stroke-width="${s.width || 2}" fill="${svgEscape(s.fill || 'none')}"`
        + ` opacity="${s.opacity ?? 1}" stroke-linecap="round" stroke-linejoin="round"`;
    const body = shapes.map((s) => {
        const p = s.points;
        switch (s.kind) {
            case 'pen': return `<polyline points="${p.join(' ')}" ${attrs({ ...s, fill: null })}/>`;
            case 'line': case 'arrow': return `<line x1="${p[0]}" y1="${p[1]}" x2="${p[2]}" y2="${p[3]}" ${attrs(s)}/>`;
            case 'rectangle': return `<rect x="${Math.min(p[0], p[2])}" y="${Math.min(p[1], p[3])}" width="${Math.abs(p[2] - p[0])}"`
                + ` height="${Math.abs(p[3] - p[1])}" ${attrs(s)}/>`;
            case 'ellipse': return `<ellipse cx="${(p[0] + p[2]) / 2}" cy="${(p[1] + p[3]) / 2}" rx="${Math.abs(p[2] - p[0]) / 2}"`
                + ` ry="${Math.abs(p[3] - p[1]) / 2}" ${attrs(s)}/>`;
            case 'text': return `<text x="${p[0]}" y="${p[1]}" font-size="${s.width || 16}" dominant-baseline="hanging"`
                + ` fill="${svgEscape(s.stroke || '#1e1e1e')}">${svgEscape(s.text || '')}</text>`;
            default: return '';
        }
    }).join('\n');
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box[0]} ${box[1]} ${box[2] - box[0]} ${box[3] - box[1]}">\n`
        + `<rect x="${box[0]}" y="${box[1]}" width="${box[2] - box[0]}" height="${box[3] - box[1]}" fill="${svgEscape(state.backgroundColor || '#ffffff')}"/>\n`
        + `${body}\n</svg>\n`;
}

function download(content, type, extension) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
    link.download = `${document.getElementById('board-title').textContent || 'board'}.${extension}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// ---- controls --------------------------------------------------------------------------------------------

document.querySelectorAll('[data-tool]').forEach((button) => button.addEventListener('click', () => selectTool(button.dataset.tool)));
function selectColour(colour) {
    strokeInput.value = colour;
    document.querySelectorAll('[data-colour]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.colour === colour)));
}
document.querySelectorAll('[data-colour]').forEach((button) => {
    button.style.background = button.dataset.colour;
    button.addEventListener('click', () => selectColour(button.dataset.colour));
});
strokeInput.addEventListener('input', () => selectColour(strokeInput.value));
selectColour(strokeInput.value);
document.getElementById('undo').addEventListener('click', undo);
document.getElementById('redo').addEventListener('click', redo);
document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1.25));
document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(0.8));
document.getElementById('zoom-reset').addEventListener('click', () => zoomCentre(1 / state.view.scale));
document.getElementById('export-png').addEventListener('click', exportPng);
document.getElementById('export-svg').addEventListener('click', () => download(exportSvg(), 'image/svg+xml', 'svg'));
document.getElementById('export-json').addEventListener('click', () => download(exportJson(), 'application/json', 'json'));
document.getElementById('background').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    try {
        await uploadBackground(file);
    } catch (e) {
        showMessage(`Background not set: ${e.message}`);
    }
});
document.getElementById('remove-background').addEventListener('click', () => {
    connection.send('setBackground', { color: state.backgroundColor, removeImage: true })
        .catch((r) => showMessage(`Not removed: ${r.error ? r.error.message : 'rejected'}`));
});
document.getElementById('import-json').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    if (state.role === 'viewer') { showMessage('Viewers cannot add shapes.'); return; }
    try {
        showMessage(`Imported ${importJson(await file.text())} shapes.`);
    } catch (e) {
        showMessage(`Not imported: ${e.message}`);
    }
});
clearButton.addEventListener('click', () => {
    if (confirm('Remove every shape from this board, for everyone?')) {
        connection.send('clearBoard', {}).catch((r) => showMessage(`Not cleared: ${r.error ? r.error.message : 'rejected'}`));
    }
});

window.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
        || event.target instanceof HTMLTextAreaElement || event.target.isContentEditable) return;
    if (event.key === ' ') { setSpaceDown(true); canvas.style.cursor = 'grab'; event.preventDefault(); return; }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo(); else undo();
        return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Delete' || event.key === 'Backspace') { removeSelected(); event.preventDefault(); return; }
    if (event.key === 'Escape') { state.selected = null; invalidate(); return; }
    if (toolForKey(event.key)) selectTool(toolForKey(event.key));
    else if (event.key === '+' || event.key === '=') zoomCentre(1.25);
    else if (event.key === '-') zoomCentre(0.8);
    else if (event.key === '0') zoomCentre(1 / state.view.scale);
});
window.addEventListener('keyup', (event) => {
    if (event.key === ' ') { setSpaceDown(false); selectTool(state.tool); }
});
window.addEventListener('resize', invalidate);

// ---- start -----------------------------------------------------------------------------------------------

async function start() {
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
}

window.whiteboard = { state, cursors, layer, renderPng, exportJson, importJson, exportSvg, uploadBackground, get connection() { return connection; } }; // for the browser tests
start().catch((e) => showMessage(e.message));
