// The board page: draws the board on a <canvas>, lets editors draw, and keeps in step with everyone else through
// the real-time connection. The stored board (shapes and version) comes from the app; changes made here are shown
// at once, sent as board events, and replaced by what the app committed. All user text is drawn or set as text.
import { api } from './api.js';
import { BoardConnection } from './realtime.js';
import { drawShape, hitTest, bounds } from './shapes.js';
import { boardChat } from './chat.js'; // chat (issue 6)

const boardId = new URLSearchParams(location.search).get('id');
if (!boardId) {
    location.assign(new URL('./', document.baseURI));
}

const canvas = document.getElementById('canvas');
const ctx = canvas.getContext('2d');
const statusLine = document.getElementById('status');
const people = document.getElementById('people');
const message = document.getElementById('message');
const strokeInput = document.getElementById('stroke');
const widthInput = document.getElementById('width');
const fillInput = document.getElementById('fill');
const clearButton = document.getElementById('clear');

const state = {
    role: 'viewer',
    version: 0,
    shapes: new Map(),        // id -> shape as stored (server truth)
    local: new Map(),         // id -> shape drawn here, not yet confirmed
    localRemoved: new Set(),  // ids removed here, not yet confirmed
    peers: new Map(),         // live stroke id -> {shape, at}
    background: null,         // {image, url}
    backgroundColor: null,
    view: { x: 0, y: 0, scale: 1 },
    tool: 'pen',
    selected: null,     // id of the selected shape (Select tool)
    drawing: null,
    undo: [],
    redo: [],
    dirty: false,
    frames: 0,          // rendered frames and the last one's cost, for the large-board benchmark (B5)
    lastRenderMs: 0,
};
let connection;
let seq = 0;
const me = Math.random().toString(36).slice(2, 8);

// ---- loading and converging ------------------------------------------------------------------------------

async function loadDiagram() {
    const diagram = await api(`api/boards/${encodeURIComponent(boardId)}/diagram`);
    document.getElementById('board-title').textContent = diagram.board.title;
    document.title = `${diagram.board.title} · Whiteboard`;
    setRole(diagram.board.role);
    state.version = diagram.version;
    state.shapes = new Map(diagram.shapes.map((s) => [s.id, s]));
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

function showBackground(background, color) {
    state.backgroundColor = color || null;
    if (!background) {
        state.background = null;
    } else if (!state.background || state.background.url !== background.url) {
        const image = new Image();
        image.onload = invalidate;
        image.src = new URL(background.url, document.baseURI).toString();
        state.background = { image, url: background.url };
    }
    invalidate();
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
        cursors.set(from, { x: data.x, y: data.y, at: Date.now() });
        invalidate();
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

const names = new Map();      // user -> display name, from presence

function showPeople(list) {
    list.forEach((person) => names.set(person.user, person.name));
    people.replaceChildren(...list.map((person) => {
        const item = document.createElement('li');
        item.textContent = person.name;
        item.title = `${person.name} (${person.state})`;
        item.dataset.state = person.state;
        return item;
    }));
}

function showStatus(status, detail) {
    const words = { connecting: 'Connecting…', online: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
    statusLine.dataset.state = status;
    const unsaved = connection ? connection.unsaved : 0;
    statusLine.textContent = words[status] + (unsaved ? ` · ${unsaved} unsaved` : '') + (detail ? ` · ${detail}` : '');
}

function showMessage(text) {
    message.textContent = text;
    message.hidden = false;
    clearTimeout(showMessage.timer);
    showMessage.timer = setTimeout(() => { message.hidden = true; }, 6_000);
}

// ---- changes made here -----------------------------------------------------------------------------------

function newId() {
    return `${me}-${Date.now().toString(36)}-${++seq}`;
}

function wire(shape) {
    const out = { id: shape.id, kind: shape.kind, stroke: shape.stroke, width: shape.width, opacity: shape.opacity ?? 1,
        points: shape.points.map((v) => Math.round(v * 100) / 100) };
    if (shape.fill) out.fill = shape.fill;
    if (shape.text) out.text = shape.text;
    if (shape.z !== undefined) out.z = shape.z;
    return out;
}

/** Puts and removes shapes: shown at once, then sent; the app's announcement replaces them. */
function change(put, remove, record = true) {
    if (record) {
        state.undo.push({
            put: put.map((s) => ({ id: s.id, before: current(s.id) })),
            remove: remove.map((id) => ({ id, before: current(id) })),
            after: put.map((s) => s),
        });
        state.redo = [];
    }
    put.forEach((s) => { state.local.set(s.id, s); state.localRemoved.delete(s.id); });
    remove.forEach((id) => { state.localRemoved.add(id); state.local.delete(id); });
    invalidate();
    connection.send('changeShapes', { put: put.map(wire), remove })
        .then(() => settle(put, remove))
        .catch((result) => {
            settle(put, remove);
            showMessage(`Not saved: ${result.error ? result.error.message : 'rejected'}`);
        })
        .finally(() => showStatus(statusLine.dataset.state));
    showStatus(statusLine.dataset.state);
}

function settle(put, remove) {
    put.forEach((s) => state.local.delete(s.id));
    remove.forEach((id) => state.localRemoved.delete(id));
    invalidate();
}

function current(id) {
    if (state.localRemoved.has(id)) return null;
    return state.local.get(id) || state.shapes.get(id) || null;
}

function undo() {
    const step = state.undo.pop();
    if (!step) return;
    state.redo.push(step);
    const put = [];
    const remove = [];
    // only what this person did is undone: a shape someone else removed meanwhile is left alone
    step.put.forEach(({ id, before }) => { if (before) put.push(before); else if (current(id)) remove.push(id); });
    step.remove.forEach(({ before }) => { if (before) put.push(before); });
    if (put.length || remove.length) change(put, remove, false);
}

function redo() {
    const step = state.redo.pop();
    if (!step) return;
    state.undo.push(step);
    const remove = step.remove.map(({ id }) => id).filter((id) => current(id));
    if (step.after.length || remove.length) change(step.after, remove, false);
}

// ---- drawing with the pointer ----------------------------------------------------------------------------

function toBoard(event) {
    const rect = canvas.getBoundingClientRect();
    return [(event.clientX - rect.left - state.view.x) / state.view.scale,
        (event.clientY - rect.top - state.view.y) / state.view.scale];
}

function selectTool(tool) {
    state.tool = tool;
    document.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === tool)));
    canvas.style.cursor = tool === 'hand' ? 'grab' : tool === 'eraser' ? 'cell' : tool === 'select' ? 'default' : 'crosshair';
    if (tool !== 'select' && state.selected) {
        state.selected = null;
        invalidate();
    }
}

let spaceDown = false;
let lastPublish = 0;

// Two fingers pan and pinch-zoom; one finger (or a mouse, or a pen) uses the tool.
const touches = new Map();
let gesture = null;

function touchCentre() {
    const [a, b] = [...touches.values()];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, distance: Math.hypot(a.x - b.x, a.y - b.y) || 1 };
}

canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture(event.pointerId);
    if (event.pointerType === 'touch') {
        touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (touches.size === 2) {
            if (state.drawing && state.drawing.edit) restorePreview(state.drawing);
            state.drawing = null; // the first finger's stroke was the start of a gesture
            gesture = touchCentre();
            invalidate();
            return;
        }
    }
    if (gesture) return;
    const [x, y] = toBoard(event);
    const panning = state.tool === 'hand' || spaceDown || event.button === 1 || state.role === 'viewer';
    if (panning) {
        state.drawing = { pan: true, x: event.clientX, y: event.clientY };
        return;
    }
    if (state.tool === 'select') {
        startSelecting(x, y);
        return;
    }
    if (state.tool === 'eraser') {
        state.drawing = { erase: new Set() };
        erase(x, y);
        return;
    }
    if (state.tool === 'text') {
        const text = prompt('Text');
        if (text && text.trim()) {
            change([{ id: newId(), kind: 'text', stroke: strokeInput.value, width: Number(widthInput.value) * 8,
                points: [x, y], text: text.slice(0, 10_000) }], []);
        }
        return;
    }
    const shape = { id: newId(), kind: state.tool, stroke: strokeInput.value, width: Number(widthInput.value),
        fill: fillInput.checked && (state.tool === 'rectangle' || state.tool === 'ellipse') ? strokeInput.value + '40' : undefined,
        points: [x, y, x, y] };
    if (shape.kind === 'pen') shape.points = [x, y];
    state.drawing = { shape, sent: 0 };
});

canvas.addEventListener('pointermove', (event) => {
    trackCursor(event);
    if (touches.has(event.pointerId)) {
        touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (gesture && touches.size === 2) {
            const now = touchCentre();
            const rect = canvas.getBoundingClientRect();
            state.view.x += now.x - gesture.x;
            state.view.y += now.y - gesture.y;
            zoomAt(now.x - rect.left, now.y - rect.top, now.distance / gesture.distance);
            gesture = now;
            return;
        }
    }
    const drawing = state.drawing;
    if (!drawing) return;
    if (drawing.pan) {
        state.view.x += event.clientX - drawing.x;
        state.view.y += event.clientY - drawing.y;
        drawing.x = event.clientX;
        drawing.y = event.clientY;
        invalidate();
        return;
    }
    const [x, y] = toBoard(event);
    if (drawing.erase) {
        erase(x, y);
        return;
    }
    if (drawing.edit) {
        state.local.set(drawing.edit.id, edited(drawing, x, y));
        invalidate();
        return;
    }
    const points = drawing.shape.points;
    if (drawing.shape.kind === 'pen') {
        const [lx, ly] = points.slice(-2);
        if (Math.hypot(x - lx, y - ly) * state.view.scale < 2 || points.length >= 20_000) return;
        points.push(x, y);
    } else {
        points[2] = x;
        points[3] = y;
    }
    invalidate();
    const now = performance.now();
    if (now - lastPublish > 50) { // live strokes: at most 20 messages a second
        lastPublish = now;
        publishStroke(drawing);
    }
});

function publishStroke(drawing) {
    const shape = drawing.shape;
    const incremental = shape.kind === 'pen';
    connection.publish({ type: 'stroke', id: shape.id, kind: shape.kind, stroke: shape.stroke, width: shape.width,
        fill: shape.fill, from: incremental ? drawing.sent : 0, points: incremental ? shape.points.slice(drawing.sent) : shape.points });
    drawing.sent = incremental ? shape.points.length : 0;
}

function finish() {
    const drawing = state.drawing;
    state.drawing = null;
    if (!drawing || drawing.pan) return;
    if (drawing.erase) {
        if (drawing.erase.size) change([], [...drawing.erase]);
        return;
    }
    if (drawing.edit) {
        const result = state.local.get(drawing.edit.id);
        restorePreview(drawing);
        if (result && result.points.some((v, i) => v !== drawing.edit.points[i])) change([result], []);
        return;
    }
    const shape = drawing.shape;
    if (shape.kind !== 'pen' && shape.points[0] === shape.points[2] && shape.points[1] === shape.points[3]) return;
    change([shape], []);
}

function pointerEnded(event) {
    touches.delete(event.pointerId);
    if (gesture) {
        if (touches.size === 0) gesture = null;
        return;
    }
    finish();
}

canvas.addEventListener('pointerup', pointerEnded);
canvas.addEventListener('pointercancel', pointerEnded);

// ---- named cursors: where the others point, a few times a second (editors publish; everyone sees) ---------

const cursors = new Map();   // user -> {x, y, at}
let lastCursor = 0;
setInterval(() => { if (cursors.size) invalidate(); }, 1_000); // so that a cursor left still goes away

function trackCursor(event) {
    const now = performance.now();
    if (now - lastCursor < 100 || !connection || event.pointerType === 'touch') return;
    lastCursor = now;
    const [x, y] = toBoard(event);
    connection.publish({ type: 'cursor', x: Math.round(x), y: Math.round(y) });
}

function paintCursors(target, ratio) {
    const now = Date.now();
    const v = state.view;
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    target.font = '12px system-ui, sans-serif';
    for (const [user, cursor] of cursors) {
        if (now - cursor.at > 5_000) { cursors.delete(user); continue; }
        const px = cursor.x * v.scale + v.x, py = cursor.y * v.scale + v.y;
        target.fillStyle = '#e8590c';
        target.beginPath();
        target.moveTo(px, py); target.lineTo(px + 10, py + 4); target.lineTo(px + 4, py + 10); target.closePath();
        target.fill();
        const label = names.get(user) || user;
        const width = target.measureText(label).width + 8;
        target.fillRect(px + 10, py + 10, width, 16);
        target.fillStyle = '#ffffff';
        target.fillText(label, px + 14, py + 22);
    }
}

// ---- selecting, moving, resizing ---------------------------------------------------------------------------

function startSelecting(x, y) {
    const handle = 8 / state.view.scale;
    const selected = state.selected && current(state.selected);
    if (selected) {
        const box = bounds(selected);
        if (Math.abs(x - box[2]) <= handle && Math.abs(y - box[3]) <= handle) {
            state.drawing = { edit: selected, resize: true, box, x, y, hadLocal: state.local.get(selected.id) };
            return;
        }
    }
    const tolerance = 6 / state.view.scale;
    const hit = visibleShapes().reverse().find((shape) => hitTest(shape, x, y, tolerance));
    state.selected = hit ? hit.id : null;
    if (hit) {
        state.drawing = { edit: hit, resize: false, box: bounds(hit), x, y, hadLocal: state.local.get(hit.id) };
    }
    invalidate();
}

/** The edited shape for the pointer at (x, y): moved by the drag, or scaled from its box's top-left corner. */
function edited(drawing, x, y) {
    const shape = drawing.edit;
    if (!drawing.resize) {
        const dx = x - drawing.x, dy = y - drawing.y;
        return { ...shape, points: shape.points.map((v, i) => v + (i % 2 ? dy : dx)) };
    }
    const [x0, y0, x1, y1] = drawing.box;
    const sx = Math.max(0.05, (x - x0) / Math.max(1, x1 - x0));
    const sy = Math.max(0.05, (y - y0) / Math.max(1, y1 - y0));
    const scaled = { ...shape, points: shape.points.map((v, i) => (i % 2 ? y0 + (v - y0) * sy : x0 + (v - x0) * sx)) };
    if (shape.kind === 'text') scaled.width = Math.min(500, Math.max(4, shape.width * sy));
    return scaled;
}

function restorePreview(drawing) {
    if (drawing.hadLocal) state.local.set(drawing.edit.id, drawing.hadLocal);
    else state.local.delete(drawing.edit.id);
}

function removeSelected() {
    if (state.selected && current(state.selected) && state.role !== 'viewer') {
        change([], [state.selected]);
        state.selected = null;
    }
}

function paintSelection(target, ratio) {
    const shape = state.selected && current(state.selected);
    if (!shape) return;
    const [x0, y0, x1, y1] = bounds(shape);
    const v = state.view;
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    target.strokeStyle = '#2f6fed';
    target.setLineDash([4, 4]);
    target.lineWidth = 1;
    target.strokeRect(x0 * v.scale + v.x, y0 * v.scale + v.y, (x1 - x0) * v.scale, (y1 - y0) * v.scale);
    target.setLineDash([]);
    target.fillStyle = '#2f6fed';
    target.fillRect(x1 * v.scale + v.x - 4, y1 * v.scale + v.y - 4, 8, 8);
}

function erase(x, y) {
    const tolerance = 6 / state.view.scale;
    for (const shape of visibleShapes().reverse()) {
        if (!state.drawing.erase.has(shape.id) && hitTest(shape, x, y, tolerance)) {
            state.drawing.erase.add(shape.id);
            state.localRemoved.add(shape.id);
            invalidate();
            return;
        }
    }
}

canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const rect = canvas.getBoundingClientRect();
    zoomAt(event.clientX - rect.left, event.clientY - rect.top, Math.exp(-event.deltaY * 0.0015));
}, { passive: false });

function zoomAt(px, py, factor) {
    const scale = Math.min(8, Math.max(0.1, state.view.scale * factor));
    state.view.x = px - (px - state.view.x) * (scale / state.view.scale);
    state.view.y = py - (py - state.view.y) * (scale / state.view.scale);
    state.view.scale = scale;
    document.getElementById('zoom-reset').textContent = `${Math.round(scale * 100)}%`;
    invalidate();
}

function zoomCentre(factor) {
    zoomAt(canvas.clientWidth / 2, canvas.clientHeight / 2, factor);
}

// ---- rendering -------------------------------------------------------------------------------------------

function visibleShapes() {
    const merged = new Map(state.shapes);
    state.local.forEach((s, id) => merged.set(id, s));
    state.localRemoved.forEach((id) => merged.delete(id));
    return [...merged.values()].sort((a, b) => (a.z ?? Infinity) - (b.z ?? Infinity));
}

function invalidate() {
    if (!state.dirty) {
        state.dirty = true;
        requestAnimationFrame(render);
    }
}

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
    paint(ctx, ratio, width, height, state.view);
    paintSelection(ctx, ratio);
    paintCursors(ctx, ratio);
    state.frames += 1;
    state.lastRenderMs = performance.now() - started;
}

function paint(target, ratio, width, height, view) {
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    target.fillStyle = state.backgroundColor || '#ffffff';
    target.fillRect(0, 0, width, height);
    target.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.x, ratio * view.y);
    if (state.background && state.background.image.complete && state.background.image.naturalWidth) {
        target.drawImage(state.background.image, 0, 0);
    }
    const left = -view.x / view.scale;
    const top = -view.y / view.scale;
    const right = left + width / view.scale;
    const bottom = top + height / view.scale;
    for (const shape of visibleShapes()) {
        const [x0, y0, x1, y1] = bounds(shape);
        if (x1 >= left && x0 <= right && y1 >= top && y0 <= bottom) {
            drawShape(target, shape);
        }
    }
    const now = Date.now();
    for (const [id, peer] of state.peers) {
        if (now - peer.at > 10_000) state.peers.delete(id);
        else drawShape(target, peer.shape);
    }
    if (state.drawing && state.drawing.shape) {
        drawShape(target, state.drawing.shape);
    }
}

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
    paint(out.getContext('2d'), 1, width, height, { x: margin - box[0], y: margin - box[1], scale: 1 });
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

/**
 * Sets the board's background image: made at most 2,048 pixels on its longer side in the browser and sent as
 * JPEG, well under the 10 MiB limit. Everyone on the board gets the change from the app.
 */
async function uploadBackground(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(bitmap.width * scale));
    out.height = Math.max(1, Math.round(bitmap.height * scale));
    out.getContext('2d').drawImage(bitmap, 0, 0, out.width, out.height);
    const blob = await new Promise((resolve) => out.toBlob(resolve, 'image/jpeg', 0.85));
    const response = await fetch(new URL(`api/boards/${encodeURIComponent(boardId)}/background`, document.baseURI), {
        method: 'PUT', body: blob, headers: { 'Content-Type': 'image/jpeg', 'X-Requested-With': 'fetch' },
    });
    if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.message || `upload failed (${response.status})`);
    }
    return response.json();
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

const keys = { v: 'select', p: 'pen', l: 'line', a: 'arrow', r: 'rectangle', o: 'ellipse', t: 'text', e: 'eraser', h: 'hand' };
window.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.key === ' ') { spaceDown = true; canvas.style.cursor = 'grab'; event.preventDefault(); return; }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo(); else undo();
        return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Delete' || event.key === 'Backspace') { removeSelected(); event.preventDefault(); return; }
    if (event.key === 'Escape') { state.selected = null; invalidate(); return; }
    if (keys[event.key]) selectTool(keys[event.key]);
    else if (event.key === '+' || event.key === '=') zoomCentre(1.25);
    else if (event.key === '-') zoomCentre(0.8);
    else if (event.key === '0') zoomCentre(1 / state.view.scale);
});
window.addEventListener('keyup', (event) => {
    if (event.key === ' ') { spaceDown = false; selectTool(state.tool); }
});
window.addEventListener('resize', invalidate);

let away = false;
function reportPresence(nowAway) {
    if (nowAway !== away && connection) {
        away = nowAway;
        connection.send('presence', { state: away ? 'away' : 'active' }).catch(() => {});
    }
}
document.addEventListener('visibilitychange', () => reportPresence(document.hidden));
let idleTimer = setTimeout(() => reportPresence(true), 60_000);
['pointermove', 'keydown'].forEach((type) => window.addEventListener(type, () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => reportPresence(true), 60_000);
    if (!document.hidden) reportPresence(false);
}));

// ---- start -----------------------------------------------------------------------------------------------

async function start() {
    try {
        await loadDiagram();
    } catch (e) {
        if (e.status !== 401) showMessage(e.status === 404 ? 'There is no such board.' : `Could not open the board: ${e.message}`);
        return;
    }
    const chat = boardChat(boardId, () => connection); // chat (issue 6): the panel shares this connection
    connection = new BoardConnection(boardId, {
        onStatus: showStatus,
        onServerMessage: (data) => chat.onServerMessage(data) || onServerMessage(data),
        onPeerMessage,
        onFresh: (negotiated) => { setRole(negotiated.role); resync(); chat.onFresh(negotiated); },
    });
    await connection.start();
    const presence = await api(`api/boards/${encodeURIComponent(boardId)}/presence`).catch(() => []);
    showPeople(presence);
}

window.whiteboard = { state, cursors, renderPng, exportJson, importJson, exportSvg, uploadBackground, get connection() { return connection; } }; // for the browser tests
start().catch((e) => showMessage(e.message));
