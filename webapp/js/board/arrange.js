// Order and lock of the selection: bring to front / send to back (Ctrl/Cmd+Shift+] / [), one step forward / backward
// (Ctrl/Cmd+] / [), and lock / unlock (Ctrl/Cmd+Shift+L, or the Lock button). A move is sent as the word ("order":
// "front"…) for the app to resolve against the board as it is when it applies it, so two people reordering at once
// both get their move; the page shows a guess until the app's answer arrives. Each is one change, one undo step
// (undo puts the old z back). Locked shapes are skipped by a click and the marquee; Alt+click selects one to unlock.
// Front, Back and Lock also sit in a small bar over the board while an editor has something selected.
import { state, current, visibleShapes } from './scene.js';
import { change } from './changes.js';
import { selectedShapes } from './selection.js';
import { showMessage } from './page.js';

/** A copy of `shape` to be moved as `move` says: the word travels with it (not enumerable: copies drop it). */
function ordered(shape, move, guessZ) {
    const copy = { ...shape, z: guessZ };
    Object.defineProperty(copy, 'order', { value: move, enumerable: false });
    return copy;
}

/** Moves the selected shapes (not the locked ones): 'front', 'back', 'forward' or 'backward'. */
export function arrange(move) {
    if (state.role === 'viewer') return;
    const list = visibleShapes();
    const at = new Map(list.map((s, i) => [s.id, i]));
    const chosen = selectedShapes().filter((s) => !s.locked && at.has(s.id)).sort((a, b) => at.get(a.id) - at.get(b.id));
    if (!chosen.length) return;
    const up = move === 'front' || move === 'forward';
    // the app applies them in the order sent: front lowest first and back highest first keep their order; a step
    // goes from the leading edge, and a block already at the top (or bottom) stays where it is
    const sequence = move === 'front' || move === 'backward' ? chosen : [...chosen].reverse();
    const ids = new Set(chosen.map((s) => s.id));
    const stuck = new Set();
    const put = [];
    const top = list.length ? list[list.length - 1].z : 0;
    const bottom = list.length ? list[0].z : 0;
    sequence.forEach((s, k) => {
        const i = at.get(s.id);
        if (move === 'front') { put.push(ordered(s, move, top + 1 + k)); return; }
        if (move === 'back') { put.push(ordered(s, move, bottom - 1 - k)); return; }
        const neighbour = list[up ? i + 1 : i - 1];
        if (!neighbour || (ids.has(neighbour.id) && stuck.has(neighbour.id))) { stuck.add(s.id); return; }
        put.push(ordered(s, move, neighbour.z + (up ? 0.5 : -0.5)));
    });
    if (put.length) change(put, []);
}

/** Locks the selected shapes, or unlocks them when all of them are locked. */
export function toggleLock() {
    if (state.role === 'viewer') return;
    const shapes = selectedShapes();
    if (!shapes.length) { showMessage('Select shapes to lock them (Alt+click selects a locked one).'); return; }
    const lock = shapes.some((s) => !s.locked);
    change(shapes.filter((s) => Boolean(s.locked) !== lock).map((s) => ({ ...s, locked: lock })), []);
}

/** Whether the shape can be picked by a click or the marquee. */
export function pickable(shape) {
    return !shape.locked;
}

/** The shapes of `shapes` that may be changed (not locked). */
export function unlocked(shapes) {
    return shapes.filter((s) => !(current(s.id) || s).locked);
}

const bar = document.getElementById('arrange-bar');
// the selection changes in many places (selection.js, tools, Escape): the bar follows it a few times a second
setInterval(() => {
    const show = state.selection.size > 0 && state.role !== 'viewer';
    if (bar.hidden === show) bar.hidden = !show;
    const lockButton = document.getElementById('lock');
    const label = show && selectedShapes().every((s) => s.locked) ? 'Unlock' : 'Lock';
    if (lockButton.textContent !== label) lockButton.textContent = label;
}, 150);

document.getElementById('bring-front').addEventListener('click', () => arrange('front'));
document.getElementById('send-back').addEventListener('click', () => arrange('back'));
document.getElementById('lock').addEventListener('click', toggleLock);

window.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
        || event.target instanceof HTMLTextAreaElement || event.target.isContentEditable) return;
    if (event.target.closest && event.target.closest('dialog[open]')) return;
    const right = event.code === 'BracketRight' || event.key === ']' || event.key === '}';
    const left = event.code === 'BracketLeft' || event.key === '[' || event.key === '{';
    if (right || left) {
        event.preventDefault();
        arrange(right ? (event.shiftKey ? 'front' : 'forward') : (event.shiftKey ? 'back' : 'backward'));
    } else if (event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        toggleLock();
    }
});
