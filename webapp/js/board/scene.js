// The scene: the page's state (the stored shapes, the ones changed here and not yet confirmed, the view, the tool)
// and what is derived from it: the shapes in z-order and their bounds, memoised by a version number that every
// change to the shapes counts up. `invalidate` asks for a frame; render.js says what a frame draws.
import { hitTest, bounds } from '../shapes.js';

// The shapes on the board change rarely compared with how often it is drawn (every frame of a pan or zoom), so
// every change to them counts up `scene.version`: what is derived from them (the z-ordered list, the cached layer)
// is rebuilt only when that number moved.
export const scene = { version: 0, list: [], listVersion: -1 };
export class SceneMap extends Map {
    set(key, value) { scene.version++; return super.set(key, value); }
    delete(key) { scene.version++; return super.delete(key); }
    clear() { scene.version++; super.clear(); }
}
class SceneSet extends Set {
    add(value) { scene.version++; return super.add(value); }
    delete(value) { scene.version++; return super.delete(value); }
    clear() { scene.version++; super.clear(); }
}

export const state = {
    role: 'viewer',
    version: 0,
    shapes: new SceneMap(),        // id -> shape as stored (server truth)
    local: new SceneMap(),         // id -> shape drawn here, not yet confirmed
    localRemoved: new SceneSet(),  // ids removed here, not yet confirmed
    peers: new Map(),         // live stroke id -> {shape, at}
    background: null,         // {image, url}
    backgroundColor: null,
    view: { x: 0, y: 0, scale: 1 },
    tool: 'pen',
    selection: new Set(), // ids of the selected shapes (Select tool); `selected` below is the one, if only one
    drawing: null,
    undo: [],
    redo: [],
    dirty: false,
    frames: 0,          // rendered frames and what the recent ones cost, for the large-board benchmark (B5)
    lastRenderMs: 0,
    renderMs: [],
    // a version of the board shown read-only instead of the live board (history/preview.js): {version (its
    // VersionView), shapes (id -> shape), backgroundColor, background (as above)}; the live board above goes on being kept up to date
    preview: null,
};

Object.defineProperty(state, 'selected', {
    get() { return state.selection.size === 1 ? state.selection.values().next().value : null; },
    set(id) { state.selection = new Set(id ? [id] : []); },
});

/** The shape with this id as shown here (a change made here first; the previewed version's one), or null. */
export function current(id) {
    if (state.preview) return state.preview.shapes.get(id) || null;
    if (state.localRemoved.has(id)) return null;
    return state.local.get(id) || state.shapes.get(id) || null;
}

/** The shapes on the board (or of the previewed version), lowest first (memoised until they change). */
export function visibleShapes() {
    if (scene.listVersion !== scene.version) {
        const merged = new Map(state.preview ? state.preview.shapes : state.shapes);
        if (!state.preview) {
            state.local.forEach((s, id) => merged.set(id, s));
            state.localRemoved.forEach((id) => merged.delete(id));
        }
        // as the app orders them: by z, then by id
        scene.list = [...merged.values()].sort((a, b) => ((a.z ?? Infinity) - (b.z ?? Infinity))
            || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        scene.listVersion = scene.version;
    }
    return scene.list;
}

/** The background colour shown: the previewed version's, or the board's. */
export function shownBackgroundColor() {
    return state.preview ? state.preview.backgroundColor : state.backgroundColor;
}

/** The background image shown ({image, url}, or null): the previewed version's, or the board's. */
export function shownBackground() {
    return state.preview ? state.preview.background : state.background;
}

/**
 * Shows a version read-only instead of the live board ({shapes, backgroundColor, background, version}), or the board
 * again (null).
 */
export function setPreview(preview) {
    state.preview = preview;
    state.selection = new Set();
    scene.version++;
    invalidate();
}

const boxes = new WeakMap(); // shape -> bounds; shapes in the scene are never changed in place
export function boxOf(shape) {
    let box = boxes.get(shape);
    if (!box) {
        box = bounds(shape);
        boxes.set(shape, box);
    }
    return box;
}

/** The shape drawn on top at (x, y) (of those `pick` accepts, if given), or undefined. */
export function topmostAt(x, y, tolerance, pick) {
    const list = visibleShapes();
    for (let i = list.length - 1; i >= 0; i--) {
        if ((!pick || pick(list[i])) && hitTest(list[i], x, y, tolerance)) return list[i];
    }
    return undefined;
}

let renderer = null;

/** Sets what draws a frame (render.js). */
export function onFrame(render) {
    renderer = render;
}

/** Asks for a frame: at most one is waiting at a time. */
export function invalidate() {
    if (!state.dirty) {
        state.dirty = true;
        requestAnimationFrame((time) => renderer(time));
    }
}
