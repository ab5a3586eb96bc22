// The highlights of a comparison ("what changed", history/compare.js), drawn by render.js over the board or the
// previewed version: added shapes outlined in green, changed ones in amber, removed ones as a faint ghost of how they
// were inside a red dashed box. The outlines follow the shapes as shown now (a shape moved since the comparison is
// outlined where it is); a shape no longer shown is outlined where the comparison found it.
import { drawShape } from '../shapes.js';
import { current, boxOf, invalidate, state } from './scene.js';

const COLOURS = { added: '#2f9e44', changed: '#f08c00', removed: '#e03131' }; // the board stays light in both themes

/** What is highlighted: {added: [shape], changed: [shape (after)], removed: [shape (before)]}, or null. */
let shown = null;

/** Highlights these shapes (lists of shapes as the app sends them), or none (null). */
export function setHighlights(diff) {
    shown = diff ? { added: diff.added || [], changed: diff.changed || [], removed: diff.removed || [] } : null;
    invalidate();
}

export function highlighted() {
    return shown;
}

export function paintHighlights(target, ratio) {
    if (!shown) return;
    const v = state.view;
    const screen = (b) => [b[0] * v.scale + v.x - 4, b[1] * v.scale + v.y - 4, (b[2] - b[0]) * v.scale + 8, (b[3] - b[1]) * v.scale + 8];
    target.save();
    // the ghosts of removed shapes, in board units
    target.setTransform(ratio * v.scale, 0, 0, ratio * v.scale, ratio * v.x, ratio * v.y);
    shown.removed.forEach((s) => { if (!current(s.id)) drawShape(target, { ...s, opacity: 0.35 * (s.opacity ?? 1) }); });
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    target.lineWidth = 2;
    for (const kind of ['added', 'changed', 'removed']) {
        target.strokeStyle = COLOURS[kind];
        target.setLineDash(kind === 'removed' ? [6, 4] : []);
        for (const s of shown[kind]) {
            const now = kind === 'removed' ? s : current(s.id) || s;
            target.strokeRect(...screen(boxOf(now)));
        }
    }
    target.restore();
}
