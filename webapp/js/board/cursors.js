// Named cursors: where the others point, a few times a second (editors publish; everyone sees), drawn over the
// board by render.js; the Cursors box turns them off both ways and is remembered per browser.
import { state, invalidate } from './scene.js';
import { connection } from './status.js';
import { names } from './presence.js';
import { toBoard } from './view.js';

export const cursors = new Map();   // user -> {x, y, at}
let lastCursor = 0;
const showCursors = document.getElementById('show-cursors');
showCursors.checked = localStorage.getItem('whiteboard.cursors') !== 'off';
showCursors.addEventListener('change', () => {
    localStorage.setItem('whiteboard.cursors', showCursors.checked ? 'on' : 'off');
    cursors.clear();
    invalidate();
});
setInterval(() => { if (cursors.size) invalidate(); }, 1_000); // so that a cursor left still goes away

/** Where someone else points now (a cursor message from them). */
export function peerCursor(from, x, y) {
    if (showCursors.checked) cursors.set(from, { x, y, at: Date.now() });
    invalidate();
}

export function trackCursor(event) {
    const now = performance.now();
    if (now - lastCursor < 100 || !connection || event.pointerType === 'touch' || !showCursors.checked) return;
    lastCursor = now;
    const [x, y] = toBoard(event);
    connection.publish({ type: 'cursor', x: Math.round(x), y: Math.round(y) });
}

export function paintCursors(target, ratio) {
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
