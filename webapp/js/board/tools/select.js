// The Select tool, selection and transforms: a click picks the topmost shape, a drag moves it, the corner handle
// resizes it from its box's top-left corner (Shift keeps its aspect); the moved or resized shape is drawn over the cached layer until the
// change is made. Delete removes the selected shape (controls.js).
import { bounds } from '../../shapes.js';
import { state, current, invalidate, topmostAt } from '../scene.js';
import { change } from '../changes.js';
import { defineTool } from '../tools.js';

function startSelecting(x, y) {
    const handle = 8 / state.view.scale;
    const selected = state.selected && current(state.selected);
    if (selected) {
        const box = bounds(selected);
        if (Math.abs(x - box[2]) <= handle && Math.abs(y - box[3]) <= handle) {
            return { edit: selected, resize: true, box, x, y };
        }
    }
    const tolerance = 6 / state.view.scale;
    const hit = topmostAt(x, y, tolerance);
    state.selected = hit ? hit.id : null;
    invalidate();
    return hit ? { edit: hit, resize: false, box: bounds(hit), x, y } : undefined;
}

/** The edited shape for the pointer at (x, y): moved by the drag, or scaled from its box's top-left corner. */
function edited(drawing, x, y) {
    const shape = drawing.edit;
    if (!drawing.resize) {
        const dx = x - drawing.x, dy = y - drawing.y;
        return { ...shape, points: shape.points.map((v, i) => v + (i % 2 ? dy : dx)) };
    }
    const [x0, y0, x1, y1] = drawing.box;
    let sx = Math.max(0.05, (x - x0) / Math.max(1, x1 - x0));
    let sy = Math.max(0.05, (y - y0) / Math.max(1, y1 - y0));
    if (drawing.keepAspect) sx = sy = Math.max(sx, sy); // Shift: the same scale both ways
    const scaled = { ...shape, points: shape.points.map((v, i) => (i % 2 ? y0 + (v - y0) * sy : x0 + (v - x0) * sx)) };
    if (shape.kind === 'text') scaled.width = Math.min(500, Math.max(4, shape.width * sy));
    return scaled;
}

defineTool('select', 'v', {
    cursor: 'default',
    start: startSelecting,
    move(drawing, x, y) {
        drawing.preview = edited(drawing, x, y); // drawn over the cached layer until the change is made
        invalidate();
    },
    finish(drawing) {
        const result = drawing.preview;
        if (result && result.points.some((v, i) => v !== drawing.edit.points[i])) change([result], []);
        else invalidate();
    },
});

export function removeSelected() {
    if (state.selected && current(state.selected) && state.role !== 'viewer') {
        change([], [state.selected]);
        state.selected = null;
    }
}

export function paintSelection(target, ratio) {
    const editing = state.drawing && state.drawing.edit;
    const shape = editing && editing.id === state.selected ? (state.drawing.preview || editing)
        : state.selected && current(state.selected);
    if (!shape) return;
    const [x0, y0, x1, y1] = bounds(shape);
    const v = state.view;
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    target.strokeStyle = '#2f6fed';
    target.setLineDash([4, 4]);
    target.lineWidth = 1;
    target.strokeRect(x0 * v.scale + v.x, y0 * v.scale + v.y, (x1 - x0) * v.scale, (y1 - y0) * v.scale);
    target.setLineDash([]);
    target.fillStyle = '#2f6fed';
    target.fillRect(x1 * v.scale + v.x - 4, y1 * v.scale + v.y - 4, 8, 8);
}
