// The Select tool (V): a click picks the topmost unlocked shape (Alt+click a locked one too; Shift+click adds it or
// takes it out), a drag on empty canvas
// draws a marquee that selects what lies wholly inside it (with Shift, in addition), a drag on a selected shape
// moves the whole selection, a corner handle resizes it and the knob above turns it (Shift: in steps of 15°).
// The shapes being changed are drawn over the cached layer until the change is made (selection.js does the work).
// The connectors bound to them follow, in the preview, in what others see streamed, and in the change; a single
// selected line or arrow shows its ends, and dragging one binds it to the shape it is let go on, or unbinds it.
import { pivot } from '../../shapes.js';
import { canvas } from '../page.js';
import { state, current, invalidate, topmostAt } from '../scene.js';
import { toBoard } from '../view.js';
import { change } from '../changes.js';
import { defineTool } from '../tools.js';
import { isConnector, endsOf, followers, detached, bindEnd, bindableAt, showHint } from '../connectors.js';
import { HANDLE, selectedShapes, setSelection, toggleSelected, selectInside, handleAt, moved, scaled, rotated,
    streamEdit, endEdit } from '../selection.js';

const SNAP = 15; // degrees, with Shift

function startSelecting(x, y, name, event) {
    const shift = Boolean(event && event.shiftKey);
    // a locked shape is selected only to unlock it; in a previewed version, shapes are only selected (to copy them)
    const selected = state.preview ? [] : selectedShapes().filter((s) => !s.locked);
    const end = selected.length === 1 ? endAt(selected[0], x, y) : -1;
    if (end >= 0) return { edits: selected, end };
    const handle = selected.length ? handleAt(x, y, selected) : null;
    if (handle && handle.rotate) {
        const centre = selected.length === 1 ? pivot(selected[0]) : [(handle.box[0] + handle.box[2]) / 2, (handle.box[1] + handle.box[3]) / 2];
        return { edits: selected, rotate: true, centre, from: Math.atan2(y - centre[1], x - centre[0]) };
    }
    if (handle) {
        const free = selected.length === 1 && !selected[0].rotation;
        return { edits: selected, resize: true, anchor: handle.anchor, corner: handle.corner, free };
    }
    // Alt+click reaches a locked shape (to unlock it); otherwise locked shapes are passed over
    const alt = Boolean(event && event.altKey);
    const hit = topmostAt(x, y, 6 / state.view.scale, alt ? null : (s) => !s.locked);
    if (shift) {
        if (hit) {
            toggleSelected(hit.id);
            return undefined;
        }
        return { marquee: [x, y, x, y], add: true };
    }
    if (!hit) {
        setSelection([]);
        return { marquee: [x, y, x, y], add: false };
    }
    if (!state.selection.has(hit.id)) setSelection([hit.id]);
    if (state.preview) return undefined;
    const edits = selectedShapes().filter((s) => !s.locked);
    return edits.length ? { edits, x, y } : undefined;
}

/** Which end (0 or 1) of a connector is at board point (x, y), within a handle's reach; -1 for neither. */
function endAt(shape, x, y) {
    if (!isConnector(shape)) return -1;
    const ends = endsOf(shape);
    const reach = HANDLE / state.view.scale;
    for (const i of [1, 0]) {
        if (Math.hypot(x - ends[2 * i], y - ends[2 * i + 1]) <= reach) return i;
    }
    return -1;
}

/** The selection as the pointer at (x, y) makes it. */
function edited(drawing, x, y, event) {
    if (drawing.end !== undefined) { // one end of a connector dragged: drawn where it is, turned into its points
        const ends = endsOf(drawing.edits[0]);
        ends[2 * drawing.end] = x;
        ends[2 * drawing.end + 1] = y;
        showHint(bindableAt(x, y, drawing.edits[0].id));
        return [{ ...drawing.edits[0], points: ends, rotation: 0 }];
    }
    if (drawing.rotate) {
        let degrees = (Math.atan2(y - drawing.centre[1], x - drawing.centre[0]) - drawing.from) * 180 / Math.PI;
        if (event && event.shiftKey) {
            // one shape snaps its own angle; a group, how far it is turned
            const start = drawing.edits.length === 1 ? drawing.edits[0].rotation || 0 : 0;
            degrees = Math.round((start + degrees) / SNAP) * SNAP - start;
        }
        return rotated(drawing.edits, drawing.centre, degrees);
    }
    if (drawing.resize) {
        const free = drawing.free && !(event && event.shiftKey);
        return scaled(drawing.edits, drawing.anchor, drawing.corner, x, y, free);
    }
    return moved(drawing.edits, x - drawing.x, y - drawing.y);
}

const CURSORS = { rotate: 'grab', nw: 'nwse-resize', se: 'nwse-resize', ne: 'nesw-resize', sw: 'nesw-resize' };

/** The pointer over a handle of the selection shows what a drag there does. */
canvas.addEventListener('pointermove', (event) => {
    if (state.tool !== 'select' || state.drawing || state.role === 'viewer' || state.preview) return;
    const selected = selectedShapes();
    const [x, y] = toBoard(event);
    const handle = selected.length ? handleAt(x, y, selected) : null;
    canvas.style.cursor = !handle ? 'default' : handle.rotate ? CURSORS.rotate
        : CURSORS[(handle.corner[1] < handle.anchor[1] ? 'n' : 's') + (handle.corner[0] < handle.anchor[0] ? 'w' : 'e')];
});

defineTool('select', 'v', {
    cursor: 'default',
    start: startSelecting,
    move(drawing, x, y, event) {
        if (drawing.marquee) {
            drawing.marquee = [drawing.marquee[0], drawing.marquee[1], x, y];
        } else {
            const shapes = edited(drawing, x, y, event);
            // drawn over the cached layer until the change is made, with the connectors that follow
            drawing.preview = [...shapes, ...followers(shapes)];
            streamEdit(drawing.preview);
        }
        invalidate();
    },
    finish(drawing) {
        if (drawing.marquee) {
            selectInside(drawing.marquee, drawing.add);
            return;
        }
        showHint(null);
        const result = drawing.preview && drawing.preview.slice(0, drawing.edits.length);
        // what changed, less what someone else removed meanwhile (a put would bring it back)
        let changed = result && result.filter((s, i) => current(s.id) && (s.rotation !== drawing.edits[i].rotation
            || s.width !== drawing.edits[i].width || s.points.some((v, j) => v !== drawing.edits[i].points[j])));
        if (changed && changed.length) {
            // a dragged end binds to what it is let go on; connectors moved away from their shapes come off them
            changed = drawing.end !== undefined ? [bindEnd(changed[0], drawing.end)] : detached(changed);
            const following = drawing.preview.slice(drawing.edits.length).filter((s) => current(s.id));
            streamEdit([...changed, ...following], true); // where it ended, until the change arrives
            change([...changed, ...following], []);
        } else {
            if (result) endEdit(drawing.preview);
            invalidate();
        }
    },
});
