// Changes made here: shown at once, sent as a board event, and replaced by what the app committed; each one is an
// undo step that undoes only what this person did. Also the shapes' form on the wire (events and JSON exports).
import { state, current, invalidate } from './scene.js';
import { connection, showStatus } from './status.js';
import { statusLine, showMessage } from './page.js';

let seq = 0;
const me = Math.random().toString(36).slice(2, 8);

export function newId() {
    return `${me}-${Date.now().toString(36)}-${++seq}`;
}

export function wire(shape) {
    const out = { id: shape.id, kind: shape.kind, stroke: shape.stroke, width: shape.width, opacity: shape.opacity ?? 1,
        points: shape.points.map((v) => Math.round(v * 100) / 100) };
    if (shape.fill) out.fill = shape.fill;
    if (shape.text) out.text = shape.text;
    if (shape.asset) out.asset = shape.asset;
    if (shape.z !== undefined) out.z = shape.z;
    return out;
}

/** Puts and removes shapes: shown at once, then sent; the app's announcement replaces them. */
export function change(put, remove, record = true) {
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

export function undo() {
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

export function redo() {
    const step = state.redo.pop();
    if (!step) return;
    state.undo.push(step);
    const remove = step.remove.map(({ id }) => id).filter((id) => current(id));
    if (step.after.length || remove.length) change(step.after, remove, false);
}
