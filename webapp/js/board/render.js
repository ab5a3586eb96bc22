// Rendering. The stored and pending shapes (and the background image) are drawn into an off-screen layer that
// covers the view and a margin around it. A frame then copies that layer, moved and scaled to the current view,
// and draws on top only what moves: strokes in progress (here and other people's), the shapes being moved, resized
// or turned (here, and by others: their stored forms are left out of the layer meanwhile), the selection, the
// cursors and laser trails, and the highlights of a comparison (highlights.js). A previewed version (scene.js) is
// drawn instead of the board, without what others draw on the live board meanwhile. The layer is drawn again only
// when the shapes change, when the view leaves the area it covers, and once a zoom has settled (while zooming, the
// scaled copy stands in for it).
import { drawShape } from '../shapes.js';
import { canvas, ctx } from './page.js';
import { scene, state, visibleShapes, boxOf, invalidate, onFrame, shownBackgroundColor, shownBackground } from './scene.js';
import { paintHighlights } from './highlights.js';
import { paintSelection } from './selection.js';
import { paintHint } from './connectors.js';
import { paintCursors } from './cursors.js';
import { paintLaser } from './tools/laser.js';

// The layer on show, and the one being drawn: a new layer is drawn a slice at a time (about 8 ms a frame) while
// the old one, moved and scaled, stays on show, so a large board never holds a frame up. Only the very first
// layer is drawn in one go.
export const layer = { canvas: document.createElement('canvas'), view: null, version: -1, hidden: { ids: new Set(), key: '' }, ratio: 0,
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
    ctx.fillStyle = shownBackgroundColor() || '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const edits = state.drawing && state.drawing.edits;
    const hidden = hiddenShapes(edits && (state.drawing.preview || edits)); // with the connectors that follow
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
        else if (!state.preview) drawShape(ctx, peer.shape); // a preview shows the version alone
    }
    paintHighlights(ctx, ratio);
    if (edits) (state.drawing.preview || edits).forEach((s) => drawShape(ctx, s));
    if (state.drawing && state.drawing.shape) drawShape(ctx, state.drawing.shape);
    paintSelection(ctx, ratio);
    paintHint(ctx, ratio);
    paintCursors(ctx, ratio);
    paintLaser(ctx, ratio);
    state.frames += 1;
    state.lastRenderMs = performance.now() - started;
    if (state.renderMs.push(state.lastRenderMs) > 600) state.renderMs.splice(0, 300);
    if (next.running) invalidate();
}

/** The ids of the shapes drawn over the layer instead of in it (edited here or by others), with a key for them. */
function hiddenShapes(edits) {
    const ids = new Set(edits ? edits.map((s) => s.id) : []);
    if (state.preview) return { ids, key: '' }; // the others' edits are of the live board, not of the version
    state.peers.forEach((peer, id) => { if (peer.replaces) ids.add(id); });
    return { ids, key: [...ids].sort().join(' ') };
}

/** Whether a new layer is wanted for this frame (see above); schedules a sharp one for when a zoom has settled. */
function layerNeedsBuilding(width, height, ratio, hidden) {
    if (!layer.view || layer.stale || layer.version !== scene.version || layer.hidden.key !== hidden.key || layer.ratio !== ratio) {
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
    if (next.running && next.version === scene.version && next.hidden.key === hidden.key && next.ratio === ratio && !layer.stale) {
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
export function paintShapes(target, area) {
    paintBackgroundImage(target);
    drawShapesIn(target, visibleShapes(), 0, area, NONE_HIDDEN, Infinity);
}

const NONE_HIDDEN = { ids: new Set(), key: '' };

function paintBackgroundImage(target) {
    const background = shownBackground();
    if (background && background.image.complete && background.image.naturalWidth) {
        target.drawImage(background.image, 0, 0);
    }
}

/**
 * Draws the shapes of `list` from index `from` whose bounds meet `area` ([x0, y0, x1, y1], board units), but
 * those of `hidden.ids`, until `deadline` (performance.now()); returns the index it stopped at.
 */
function drawShapesIn(target, list, from, area, hidden, deadline) {
    const [left, top, right, bottom] = area;
    let i = from;
    while (i < list.length) {
        const shape = list[i++];
        const [x0, y0, x1, y1] = boxOf(shape);
        if (x1 >= left && x0 <= right && y1 >= top && y0 <= bottom && !hidden.ids.has(shape.id)) {
            drawShape(target, shape);
        }
        if (i % 64 === 0 && performance.now() > deadline) break;
    }
    return i;
}

onFrame(render);
