// Copy, cut, paste and duplicate (Ctrl/Cmd+C, X, V, D) through the system clipboard, so shapes go between boards
// and browser tabs. Copied shapes travel as text/plain: a JSON document {"type":"whiteboard/shapes","version":1,
// "shapes":[…]} (the shapes in their wire form). Pasted ones get new ids and land centred on the pointer when it is
// over the canvas, else 20 units from where they were copied; other pasted text becomes a text shape. Image files
// on the clipboard are left to an image handler (onImagePaste), when one is registered: without one they are
// ignored. Viewers paste nothing. Connectors keep the bindings among the shapes pasted with them (moved to the
// copies); a binding to a shape not pasted is dropped (connectors.js).
import { canvas, strokeInput, widthInput, opacityInput } from './page.js';
import { state } from './scene.js';
import { newId, wire, change } from './changes.js';
import { toBoard } from './view.js';
import { selectTool } from './tools.js';
import { selectedShapes, removeSelection, setSelection, boxAround, moved } from './selection.js';
import { remapped } from './connectors.js';

export const CLIPBOARD_TYPE = 'whiteboard/shapes';
const KINDS = new Set(['pen', 'line', 'arrow', 'rectangle', 'ellipse', 'text', 'note']);
const OFFSET = 20;
const MAX_TEXT = 10_000;

let pointer = null; // the board point under the pointer while it is over the canvas
canvas.addEventListener('pointermove', (event) => { pointer = toBoard(event); });
canvas.addEventListener('pointerleave', () => { pointer = null; });

let imageHandler = null;

/** Registers what takes image files pasted on the board: `handler(files, at)` ([x, y] or null). */
export function onImagePaste(handler) {
    imageHandler = handler;
}

/** The clipboard text for `shapes`. */
export function clipboardText(shapes) {
    return JSON.stringify({ type: CLIPBOARD_TYPE, version: 1, shapes: shapes.map((s) => ({ ...wire(s), z: undefined })) });
}

/** The shapes of clipboard text of ours (their fields checked, with the copied ones' ids), or null for other text. */
export function shapesOf(text) {
    if (!text.startsWith('{')) return null;
    let doc;
    try {
        doc = JSON.parse(text);
    } catch {
        return null;
    }
    if (!doc || doc.type !== CLIPBOARD_TYPE || !Array.isArray(doc.shapes)) return null;
    return doc.shapes.filter((s) => s && KINDS.has(s.kind) && Array.isArray(s.points) && s.points.length >= 2
        && s.points.every(Number.isFinite)).map((s) => {
        const shape = { kind: s.kind, stroke: s.stroke, width: s.width, opacity: s.opacity, points: s.points };
        if (typeof s.fill === 'string') shape.fill = s.fill;
        if (typeof s.text === 'string' && (s.kind === 'text' || s.kind === 'note')) shape.text = s.text.slice(0, MAX_TEXT);
        if (Number.isFinite(s.rotation)) shape.rotation = s.rotation;
        if (typeof s.id === 'string') shape.id = s.id; // the copied one's: bindings among the pasted are kept
        if (s.kind === 'line' || s.kind === 'arrow') {
            for (const field of ['start', 'end']) {
                const b = s[field];
                if (b && typeof b.shape === 'string' && Number.isFinite(b.x) && Number.isFinite(b.y)) shape[field] = { shape: b.shape, x: b.x, y: b.y };
            }
            if (typeof s.label === 'string' && s.label.trim()) shape.label = s.label.slice(0, 200);
        }
        return shape;
    });
}

/** Adds copies of `shapes` (new ids), moved by (dx, dy), as one change, and selects them. */
function place(shapes, dx, dy) {
    const idMap = new Map();
    const copies = remapped(moved(shapes, dx, dy).map((s) => {
        const id = newId();
        if (s.id) idMap.set(s.id, id);
        return { ...s, id, z: undefined };
    }), idMap);
    change(copies, []);
    selectTool('select');
    setSelection(copies.map((s) => s.id));
}

function pasteShapes(shapes) {
    if (!shapes.length) return;
    if (pointer) {
        const box = boxAround(shapes);
        place(shapes, pointer[0] - (box[0] + box[2]) / 2, pointer[1] - (box[1] + box[3]) / 2);
    } else {
        place(shapes, OFFSET, OFFSET);
    }
}

function pasteText(text) {
    const body = text.replace(/\s+$/, '').slice(0, MAX_TEXT);
    if (!body.trim()) return;
    const v = state.view;
    const at = pointer || [(canvas.clientWidth / 2 - v.x) / v.scale, (canvas.clientHeight / 2 - v.y) / v.scale];
    const shape = { id: newId(), kind: 'text', stroke: strokeInput.value, width: Number(widthInput.value) * 8,
        opacity: Number(opacityInput.value), points: at, text: body };
    change([shape], []);
    selectTool('select');
    setSelection([shape.id]);
}

/** Ctrl/Cmd+D: copies of the selection beside it. */
export function duplicate() {
    const shapes = selectedShapes();
    if (shapes.length && state.role !== 'viewer') place(shapes, OFFSET, OFFSET);
}

/** Whether the keys are for a text field (its own copy and paste), not the board. */
function typing() {
    const el = document.activeElement;
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
        || (el && el.isContentEditable);
}

// The browser offers copy, cut and paste where nothing is editable only when its before- event is cancelled.
for (const type of ['beforecopy', 'beforecut', 'beforepaste']) {
    document.addEventListener(type, (event) => { if (!typing()) event.preventDefault(); });
}

function copy(event) {
    const shapes = selectedShapes();
    if (typing() || !shapes.length) return false;
    event.clipboardData.setData('text/plain', clipboardText(shapes));
    event.preventDefault();
    return true;
}

document.addEventListener('copy', copy);
document.addEventListener('cut', (event) => {
    if (state.role !== 'viewer' && !state.preview && copy(event)) removeSelection();
});
document.addEventListener('paste', (event) => {
    if (typing() || !event.clipboardData) return;
    event.preventDefault();
    if (state.role === 'viewer' || state.preview) return; // a previewed version takes nothing
    const images = [...event.clipboardData.items].filter((item) => item.kind === 'file' && item.type.startsWith('image/'));
    if (images.length && imageHandler) {
        imageHandler(images.map((item) => item.getAsFile()), pointer); // the image shapes' module
        return;
    } // without one, images are ignored and any text beside them is pasted
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    const shapes = shapesOf(text);
    if (shapes) pasteShapes(shapes); else pasteText(text);
});
