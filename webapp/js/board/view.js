// The view: where the board sits on the canvas (pan and zoom) and the board coordinates under the pointer.
// The wheel zooms at the pointer; input.js pans with a drag and with two fingers.
import { canvas } from './page.js';
import { state, invalidate } from './scene.js';

export function toBoard(event) {
    const rect = canvas.getBoundingClientRect();
    return [(event.clientX - rect.left - state.view.x) / state.view.scale,
        (event.clientY - rect.top - state.view.y) / state.view.scale];
}

export function zoomAt(px, py, factor) {
    const scale = Math.min(8, Math.max(0.1, state.view.scale * factor));
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
