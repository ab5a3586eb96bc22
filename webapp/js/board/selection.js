// The selection and its transforms: which shapes are selected (state.selection, their ids), the box around them
// with its handles (four corners resize, the knob above turns), and what the Select tool makes of them: moved,
// resized proportionally from a corner (one unturned shape: freely), turned about the box's centre, restyled,
// removed. Each is made ONE change, so one undo step. A transform in progress is streamed to the others as an
// `edit` peer message (at most 20 a second, like strokes); they draw it in place of the stored shapes until the
// change arrives, or `done` says there is none.
import { pivot, turn } from '../shapes.js';
import { state, current, invalidate, visibleShapes, boxOf } from './scene.js';
import { connection } from './status.js';
import { change, wire } from './changes.js';
import { isConnector, endsOf, unboundFrom } from './connectors.js';

export const HANDLE = 8;        // corner handles, CSS pixels
const KNOB = 24;                // the rotation knob: this far above the box, CSS pixels
const STREAM_LIMIT = 40_000;    // numbers (coordinates) a streamed edit may carry; bigger edits show when made

/** The selected shapes as shown here (ids of shapes gone meanwhile are skipped). */
export function selectedShapes() {
    return [...state.selection].map(current).filter(Boolean);
}

/** [x0, y0, x1, y1] around all of `shapes` (as drawn, turned), or null for none. */
export function boxAround(shapes) {
    if (!shapes.length) return null;
    return shapes.map(boxOf).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}

export function setSelection(ids) {
    state.selection = new Set(ids);
    invalidate();
}

/** Shift+click: adds the shape to the selection, or takes it out. */
export function toggleSelected(id) {
    const next = new Set(state.selection);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelection(next);
}

/** Ctrl/Cmd+A: every shape on the board (editors and owners). */
export function selectAll() {
    if (state.role === 'viewer') return;
    setSelection(visibleShapes().filter((s) => !s.locked).map((s) => s.id));
}

/** The marquee: the shapes wholly inside [x0, y0, x1, y1] (any two corners), added to the selection or instead of it. */
export function selectInside(rect, add) {
    const [x0, x1] = [Math.min(rect[0], rect[2]), Math.max(rect[0], rect[2])];
    const [y0, y1] = [Math.min(rect[1], rect[3]), Math.max(rect[1], rect[3])];
    const inside = visibleShapes().filter((s) => {
        if (s.locked) return false; // locked shapes are not picked up by accident
        const b = boxOf(s);
        return b[0] >= x0 && b[2] <= x1 && b[1] >= y0 && b[3] <= y1;
    }).map((s) => s.id);
    setSelection(add ? [...state.selection, ...inside] : inside);
}

/** The handle of the selection's box at board point (x, y): {rotate: true}, {anchor, corner} (resize), or null. */
export function handleAt(x, y, shapes) {
    const box = boxAround(shapes);
    if (!box) return null;
    const reach = HANDLE / state.view.scale;
    const knob = [(box[0] + box[2]) / 2, box[1] - KNOB / state.view.scale];
    if (Math.hypot(x - knob[0], y - knob[1]) <= reach) return { rotate: true, box };
    for (const [cx, cy, ax, ay] of [[box[2], box[3], box[0], box[1]], [box[0], box[3], box[2], box[1]],
        [box[2], box[1], box[0], box[3]], [box[0], box[1], box[2], box[3]]]) {
        if (Math.abs(x - cx) <= reach && Math.abs(y - cy) <= reach) return { anchor: [ax, ay], corner: [cx, cy], box };
    }
    return null;
}

export function moved(shapes, dx, dy) {
    return shapes.map((s) => ({ ...s, points: s.points.map((v, i) => v + (i % 2 ? dy : dx)) }));
}

/**
 * The shapes scaled about `anchor` (the corner opposite the dragged one) for the pointer at (x, y): by the same
 * factor both ways, or, when `free` (one unturned shape), by each axis's own. Never flipped.
 */
export function scaled(shapes, anchor, corner, x, y, free) {
    const [ax, ay] = anchor;
    const [wx, wy] = [corner[0] - ax || 1, corner[1] - ay || 1];
    let sx, sy;
    if (free) {
        sx = Math.max(0.05, (x - ax) / wx);
        sy = Math.max(0.05, (y - ay) / wy);
    } else {
        sx = sy = Math.max(0.05, ((x - ax) * wx + (y - ay) * wy) / (wx * wx + wy * wy));
    }
    return shapes.map((s) => {
        const out = { ...s, points: s.points.map((v, i) => (i % 2 ? ay + (v - ay) * sy : ax + (v - ax) * sx)) };
        if (s.kind === 'text') out.width = Math.min(500, Math.max(4, s.width * sy)); // a text's width is its size
        return out;
    });
}

/** The shapes turned by `degrees` about `centre`: each one's pivot goes round it, and each turns as much. */
export function rotated(shapes, centre, degrees) {
    return shapes.map((s) => {
        const [px, py] = pivot(s);
        const [nx, ny] = turn(px, py, centre[0], centre[1], degrees);
        return { ...moved([s], nx - px, ny - py)[0], rotation: (s.rotation || 0) + degrees };
    });
}

let lastStream = 0;
let trailing = 0; // the timer that sends the latest form once the 50 ms are up

/**
 * Shows others the transform in progress (at most 20 messages a second; `force` sends now). A form held back by the
 * limit goes out when the 50 ms are up, unless a newer one did: the watchers see where the pointer stopped.
 */
export function streamEdit(shapes, force) {
    clearTimeout(trailing);
    const now = performance.now();
    if (shapes.reduce((n, s) => n + s.points.length, 0) > STREAM_LIMIT) return;
    if (!force && now - lastStream < 50) {
        trailing = setTimeout(() => streamEdit(shapes, true), 50 - (now - lastStream));
        return;
    }
    lastStream = now;
    connection.publish({ type: 'edit', shapes: shapes.map(wire) });
}

/** Tells others the transform ended without a change (their previews go). */
export function endEdit(shapes) {
    clearTimeout(trailing);
    connection.publish({ type: 'edit', done: true, ids: shapes.map((s) => s.id) });
}

/** Restyles the selected shapes as one change: `patch(shape)` is the new shape, or null to leave it as it is. */
export function restyle(patch) {
    if (state.tool !== 'select' || state.role === 'viewer') return false;
    const put = selectedShapes().filter((s) => !s.locked).map(patch).filter(Boolean);
    if (put.length) change(put, []);
    return put.length > 0;
}

export function removeSelection() {
    const ids = selectedShapes().filter((s) => !s.locked).map((s) => s.id);
    if (ids.length && state.role !== 'viewer') {
        change(unboundFrom(ids), ids); // the connectors bound to them stay, unbound (one undo step with the removal)
        setSelection([]);
    }
}

/** Draws the selection (as it is being changed, if it is), its handles, and the marquee being dragged. */
export function paintSelection(target, ratio) {
    const drawing = state.drawing;
    const v = state.view;
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    const screen = (b) => [b[0] * v.scale + v.x, b[1] * v.scale + v.y, (b[2] - b[0]) * v.scale, (b[3] - b[1]) * v.scale];
    if (drawing && drawing.marquee) {
        const m = drawing.marquee;
        target.fillStyle = 'rgba(47, 111, 237, 0.08)';
        target.strokeStyle = '#2f6fed';
        target.lineWidth = 1;
        const r = screen([Math.min(m[0], m[2]), Math.min(m[1], m[3]), Math.max(m[0], m[2]), Math.max(m[1], m[3])]);
        target.fillRect(...r);
        target.strokeRect(...r);
    }
    const shapes = drawing && drawing.edits
        ? (drawing.preview ? drawing.preview.slice(0, drawing.edits.length) : drawing.edits) // not the followers
        : selectedShapes();
    const box = boxAround(shapes);
    if (!box) return;
    target.strokeStyle = '#2f6fed';
    target.lineWidth = 1;
    target.setLineDash([4, 4]);
    if (shapes.length > 1) {
        target.globalAlpha = 0.5;
        shapes.forEach((s) => target.strokeRect(...screen(boxOf(s))));
        target.globalAlpha = 1;
    }
    const [x, y, w, h] = screen(box);
    target.strokeRect(x, y, w, h);
    target.setLineDash([]);
    if (shapes.every((s) => s.locked) || state.preview) return; // selected to be unlocked, or to copy: no handles
    target.fillStyle = '#2f6fed';
    if (shapes.length === 1 && isConnector(shapes[0])) { // a line's or an arrow's ends: drag one to (un)bind it
        const ends = endsOf(shapes[0]);
        for (let i = 0; i < 4; i += 2) {
            target.beginPath();
            target.arc(ends[i] * v.scale + v.x, ends[i + 1] * v.scale + v.y, HANDLE / 2 + 1, 0, 2 * Math.PI);
            target.fill();
        }
    }
    for (const [cx, cy] of [[x, y], [x + w, y], [x, y + h], [x + w, y + h]]) {
        target.fillRect(cx - HANDLE / 2, cy - HANDLE / 2, HANDLE, HANDLE);
    }
    target.beginPath(); // the rotation knob, on a stalk above the top edge
    target.moveTo(x + w / 2, y);
    target.lineTo(x + w / 2, y - KNOB);
    target.stroke();
    target.beginPath();
    target.arc(x + w / 2, y - KNOB, HANDLE / 2 + 1, 0, 2 * Math.PI);
    target.fill();
}
