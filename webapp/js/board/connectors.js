// Connectors: lines and arrows whose ends are bound to other shapes. A bound end is stored as the shape's id and
// where on it the end sits, as fractions of the shape's unturned box (`{shape, x, y}`, see the README), so it
// follows when that shape moves, resizes or turns: whoever changes the shape sends its connectors' new points in
// the same change (and streams them with the transform in progress), so watchers, the stored board and a late
// joiner agree. An end is bound when a line or an arrow is drawn (or an end dragged) to a shape; moving a connector
// away from its shapes, or removing a shape, drops the binding and leaves the end where it was. A locked connector
// does not follow (the app refuses changes to it); the app drops its bindings when a bound shape is removed.
import { unturnedBounds, pivot, turn } from '../shapes.js';
import { state, scene, current, visibleShapes, invalidate } from './scene.js';

export const BIND_REACH = 10; // CSS pixels around a shape within which an end binds to it

export function isConnector(shape) {
    return Boolean(shape) && (shape.kind === 'line' || shape.kind === 'arrow');
}

/**
 * The topmost shape an end at (x, y) would bind to: one whose box (turned with it) holds the point, or lies within
 * BIND_REACH of it (an unfilled box too: its inside counts); not a line or an arrow. Undefined for none.
 */
export function bindableAt(x, y, exceptId) {
    const reach = BIND_REACH / state.view.scale;
    const list = visibleShapes();
    for (let i = list.length - 1; i >= 0; i--) {
        const s = list[i];
        if (isConnector(s) || s.id === exceptId) continue;
        let [px, py] = [x, y];
        if (s.rotation) {
            const [cx, cy] = pivot(s);
            [px, py] = turn(x, y, cx, cy, -s.rotation);
        }
        const [x0, y0, x1, y1] = box(s);
        if (px >= x0 - reach && px <= x1 + reach && py >= y0 - reach && py <= y1 + reach) return s;
    }
    return undefined;
}

/** The box an anchor is a fraction of: the shape's unturned bounds. */
function box(shape) {
    return unturnedBounds(shape);
}

/** Where on `shape` the board point (x, y) is, as a binding {shape, x, y} (fractions of its box, clamped). */
export function anchorOf(shape, x, y) {
    if (shape.rotation) {
        const [cx, cy] = pivot(shape);
        [x, y] = turn(x, y, cx, cy, -shape.rotation);
    }
    const [x0, y0, x1, y1] = box(shape);
    const fraction = (v, a, b) => Math.round(Math.max(0, Math.min(1, b > a ? (v - a) / (b - a) : 0.5)) * 10_000) / 10_000;
    return { shape: shape.id, x: fraction(x, x0, x1), y: fraction(y, y0, y1) };
}

/** The board point a binding stands for on `shape` (turned with it). */
export function pointOf(shape, binding) {
    const [x0, y0, x1, y1] = box(shape);
    const x = x0 + (x1 - x0) * binding.x, y = y0 + (y1 - y0) * binding.y;
    if (!shape.rotation) return [x, y];
    const [cx, cy] = pivot(shape);
    return turn(x, y, cx, cy, shape.rotation);
}

/** A connector's ends as drawn: [x0, y0, x1, y1], its rotation applied. */
export function endsOf(connector) {
    const p = connector.points;
    if (!connector.rotation) return p.slice(0, 4);
    const [cx, cy] = pivot(connector);
    return [...turn(p[0], p[1], cx, cy, connector.rotation), ...turn(p[2], p[3], cx, cy, connector.rotation)];
}

/** The connector with these ends (drawn where they are: its rotation folded into its points). */
function withEnds(connector, ends) {
    const out = { ...connector, points: ends.map((v) => Math.round(v * 100) / 100) };
    delete out.rotation;
    return out;
}

/** The connector with its ends bound to the shapes they are on (or near), or unbound where there is none. */
export function bindEnds(connector) {
    const ends = endsOf(connector);
    const out = { ...connector };
    ['start', 'end'].forEach((field, i) => {
        const target = bindableAt(ends[2 * i], ends[2 * i + 1], connector.id);
        if (target) out[field] = anchorOf(target, ends[2 * i], ends[2 * i + 1]);
        else delete out[field];
    });
    return out;
}

/** The connector with the one end (0: start, 1: end) bound to what is at it now, or unbound. */
export function bindEnd(connector, index) {
    const ends = endsOf(connector);
    const field = index ? 'end' : 'start';
    const target = bindableAt(ends[2 * index], ends[2 * index + 1], connector.id);
    const out = { ...connector };
    if (target) out[field] = anchorOf(target, ends[2 * index], ends[2 * index + 1]);
    else delete out[field];
    return out;
}

// shape id -> the connectors bound to it, rebuilt when the shapes change
let index = { version: -1, bound: new Map() };
function boundIndex() {
    if (index.version !== scene.version) {
        const bound = new Map();
        for (const s of visibleShapes()) {
            if (!isConnector(s)) continue;
            for (const b of [s.start, s.end]) {
                if (b && typeof b.shape === 'string') {
                    if (!bound.has(b.shape)) bound.set(b.shape, []);
                    bound.get(b.shape).push(s);
                }
            }
        }
        index = { version: scene.version, bound };
    }
    return index.bound;
}

/** The connectors bound to any of `ids` (each once). */
export function connectorsOf(ids) {
    const bound = boundIndex();
    const out = new Map();
    for (const id of ids) (bound.get(id) || []).forEach((c) => out.set(c.id, c));
    return [...out.values()];
}

/**
 * The connectors that follow `changed` (shapes as they are being changed): those bound to one of them and not
 * among them, with their bound ends at the changed shapes' new places. Locked connectors stay.
 */
export function followers(changed) {
    const byId = new Map(changed.map((s) => [s.id, s]));
    return connectorsOf(byId.keys()).filter((c) => !byId.has(c.id) && !c.locked).map((c) => {
        const ends = endsOf(c);
        [c.start, c.end].forEach((b, i) => {
            if (!b) return;
            const target = byId.get(b.shape) || current(b.shape);
            if (target) [ends[2 * i], ends[2 * i + 1]] = pointOf(target, b);
        });
        return withEnds(c, ends);
    });
}

/**
 * Connectors moved, resized or turned with the Select tool: an end bound to a shape that did not move with them
 * comes off it (the connector was taken away from it); ends bound to shapes that moved along stay bound.
 */
export function detached(changed) {
    const ids = new Set(changed.map((s) => s.id));
    return changed.map((s) => {
        if (!isConnector(s) || (!s.start && !s.end)) return s;
        const out = { ...s };
        if (s.start && !ids.has(s.start.shape)) delete out.start;
        if (s.end && !ids.has(s.end.shape)) delete out.end;
        return out;
    });
}

/** The connectors bound to the shapes `removedIds`, unbound from them (to put in the same change as the removal). */
export function unboundFrom(removedIds) {
    const gone = new Set(removedIds);
    return connectorsOf(removedIds).filter((c) => !gone.has(c.id) && !c.locked).map((c) => {
        const out = { ...c };
        if (c.start && gone.has(c.start.shape)) delete out.start;
        if (c.end && gone.has(c.end.shape)) delete out.end;
        return out;
    });
}

/**
 * Shapes copied to somewhere new (pasted, duplicated, imported): `idMap` takes the old ids to the new ones. A
 * binding to a shape among them is moved to its copy; one to a shape left behind is dropped. Connectors go last,
 * after the shapes they are bound to (the app binds only to shapes already on the board).
 */
export function remapped(copies, idMap) {
    const out = copies.map((s) => {
        if (!isConnector(s)) return s;
        const c = { ...s };
        for (const field of ['start', 'end']) {
            const b = s[field];
            if (b && idMap.has(b.shape)) c[field] = { ...b, shape: idMap.get(b.shape) };
            else delete c[field];
        }
        return c;
    });
    return [...out.filter((s) => !isConnector(s)), ...out.filter(isConnector)];
}

// The hint: while a line or an arrow is drawn (or an end dragged), the shape an end would bind to is outlined.
let hint = null;

/** Outlines `shape` as the one an end would bind to (null: none). */
export function showHint(shape) {
    const next = shape ? shape.id : null;
    if (next !== hint) {
        hint = next;
        invalidate();
    }
}

/** Draws the hint (render.js), on the canvas in CSS pixels. */
export function paintHint(target, ratio) {
    const shape = hint && current(hint);
    if (!shape) return;
    const v = state.view;
    const [x0, y0, x1, y1] = box(shape);
    target.save();
    target.setTransform(ratio * v.scale, 0, 0, ratio * v.scale, ratio * v.x, ratio * v.y);
    if (shape.rotation) {
        const [cx, cy] = pivot(shape);
        target.translate(cx, cy);
        target.rotate(shape.rotation * Math.PI / 180);
        target.translate(-cx, -cy);
    }
    target.strokeStyle = '#2f6fed';
    target.lineWidth = 2 / v.scale;
    target.setLineDash([6 / v.scale, 4 / v.scale]);
    target.strokeRect(x0 - 3 / v.scale, y0 - 3 / v.scale, x1 - x0 + 6 / v.scale, y1 - y0 + 6 / v.scale);
    target.restore();
}
