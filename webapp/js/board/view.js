// The view: where the board sits on the canvas (pan and zoom) and the board coordinates under the pointer.
// The wheel zooms at the pointer; input.js pans with a drag and with two fingers; follow.js centres on a view.
import { canvas } from './page.js';
import { state, invalidate } from './scene.js';

export function toBoard(event) {
    const rect = canvas.getBoundingClientRect();
    return [(event.clientX - rect.left - state.view.x) / state.view.scale,
        (event.clientY - rect.top - state.view.y) / state.view.scale];
}

/** The zoom a view may have. */
export function clampScale(scale) {
    return Math.min(8, Math.max(0.1, scale));
}

/** Shows board point (cx, cy) at the canvas's centre at this zoom (follow.js: someone else's view). */
export function centreOn(cx, cy, scale) {
    state.view.scale = clampScale(scale);
    state.view.x = canvas.clientWidth / 2 - cx * state.view.scale;
    state.view.y = canvas.clientHeight / 2 - cy * state.view.scale;
    document.getElementById('zoom-reset').textContent = `${Math.round(state.view.scale * 100)}%`;
    invalidate();
}

/** The board point at the canvas's centre and the zoom: {x, y, scale}. */
export function viewCentre() {
    const v = state.view;
    return { x: (canvas.clientWidth / 2 - v.x) / v.scale, y: (canvas.clientHeight / 2 - v.y) / v.scale, scale: v.scale };
}

export function zoomAt(px, py, factor) {
    const scale = clampScale(state.view.scale * factor);
    state.view.x = px - (px - state.view.x) * (scale / state.view.scale);
    state.view.y = py - (py - state.view.y) * (scale / state.view.scale);
    state.view.scale = scale;
    document.getElementById('zoom-reset').textContent = `${Math.round(scale * 100)}%`;
    invalidate();
}

export function zoomCentre(factor) {
    zoomAt(canvas.clientWidth / 2, canvas.clientHeight / 2, factor);
}

canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const rect = canvas.getBoundingClientRect();
    zoomAt(event.clientX - rect.left, event.clientY - rect.top, Math.exp(-event.deltaY * 0.0015));
}, { passive: false });
