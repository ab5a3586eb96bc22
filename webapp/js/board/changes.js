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
    if (shape.order) out.order = shape.order; // the app places it (arrange.js); the z here is a guess
    else if (shape.z !== undefined) out.z = shape.z;
    if (shape.locked) out.locked = true;
    for (const field of ['start', 'end']) { // a connector's bound ends (connectors.js)
        const b = shape[field];
        if (b) out[field] = { shape: b.shape, x: b.x, y: b.y };
    }
    if (shape.label) out.label = shape.label;
    const rotation = normalRotation(shape.rotation);
    if (rotation) out.rotation = rotation;
    return out;
}

/** Degrees as the app stores them: to two decimals, in [0, 360). */
export function normalRotation(degrees) {
    if (!Number.isFinite(degrees)) return 0;
    const turned = (Math.round(degrees * 100) / 100) % 360;
    return turned < 0 ? (turned + 360 >= 360 ? 0 : turned + 360) : turned;
}

/** Whether two shapes (or nulls) look the same: their wire form but the z (and a move in the order). */
function sameContent(a, b) {
    if (!a || !b) return !a && !b;
    const plain = (s) => JSON.stringify({ ...wire(s), z: undefined, order: undefined });
    return plain(a) === plain(b);
}

/** Most edits in one board event (the app's limit). */
export const MAX_BATCH = 500;

/**
 * Puts and removes shapes: shown at once, then sent (in batches of at most MAX_BATCH edits, each applied whole by
 * the app); the app's announcement replaces them. However many batches, it is one undo step. The ids in `restoring`
 * are shapes this person removed and now brings back (undo, redo): only those puts may revive a removed shape; any
 * other put of a shape someone removed meanwhile is refused by the app, and the page shows the board as it is.
 */
export function change(put, remove, record = true, restoring = new Set()) {
    if (state.preview) { // a version shown read-only (history/preview.js): nothing is sent
        showMessage('This is a preview of an earlier version: go back to live to change the board.');
        return;
    }
    // bound connectors after the shapes they are bound to (the app binds only to shapes already on the board); a
    // move in the stacking order keeps its place (arrange.js sends a group in the order it is to be moved)
    const bound = (s) => Boolean((s.start || s.end) && !s.order);
    put = [...put.filter((s) => !bound(s)), ...put.filter(bound)];
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
    for (let i = 0; i < put.length + remove.length; i += MAX_BATCH) {
        const puts = put.slice(i, i + MAX_BATCH);
        const removes = remove.slice(Math.max(0, i - put.length), Math.max(0, i + MAX_BATCH - put.length));
        const onWire = puts.map((s) => (restoring.has(s.id) ? { ...wire(s), restore: true } : wire(s)));
        connection.send('changeShapes', { put: onWire, remove: removes })
            .then(() => settle(puts, removes))
            .catch((result) => {
                settle(puts, removes);
                // a change to a shape someone removed meanwhile: the board shows it removed again (settle)
                const gone = result.error && result.error.status === 409 && result.error.field === 'restore';
                showMessage(gone ? 'Not saved: someone else removed a shape you were changing'
                    : `Not saved: ${result.error ? result.error.message : 'rejected'}`);
            })
            .finally(() => showStatus(statusLine.dataset.state));
    }
    showStatus(statusLine.dataset.state);
}

function settle(put, remove) {
    put.forEach((s) => state.local.delete(s.id));
    remove.forEach((id) => state.localRemoved.delete(id));
    invalidate();
}

export function undo() {
    if (state.preview) return;
    const step = state.undo.pop();
    if (!step) return;
    state.redo.push(step);
    const put = [];
    const remove = [];
    const restoring = new Set();
    // only what this person did is undone: a shape someone else changed or removed since is left alone
    step.put.forEach(({ id, before }, i) => {
        if (!sameContent(current(id), step.after[i])) return;
        if (before) put.push(before); else remove.push(id);
    });
    step.remove.forEach(({ id, before }) => {
        if (before && !current(id)) { put.push(before); restoring.add(id); }
    });
    if (put.length || remove.length) change(put, remove, false, restoring);
}

export function redo() {
    if (state.preview) return;
    const step = state.redo.pop();
    if (!step) return;
    state.undo.push(step);
    // and redone only where the board is still as the undo left it
    const put = step.after.filter((s, i) => sameContent(current(s.id), step.put[i].before));
    const remove = step.remove.filter(({ id, before }) => sameContent(current(id), before)).map(({ id }) => id);
    // a shape this person added, which the undo removed, comes back
    const restoring = new Set(step.put.filter(({ before }, i) => !before && put.includes(step.after[i])).map(({ id }) => id));
    if (put.length || remove.length) change(put, remove, false, restoring);
}
