// Pointer input on the canvas: one finger, a mouse or a stylus uses the current tool (tools.js); a drag with the
// Pan tool, with Space held, with the middle button or as a viewer pans; two fingers pan and pinch-zoom.
import { canvas, textEditor } from './page.js';
import { state, invalidate } from './scene.js';
import { toBoard, zoomAt } from './view.js';
import { trackCursor } from './cursors.js';
import { defineTool, toolNamed } from './tools.js';
import { closeTextEditor } from './tools/text.js';
import { closeNoteEditor, noteEditorOpen } from './tools/note.js';

defineTool('hand', 'h', { cursor: 'grab', pans: true });

let spaceDown = false;

/** Space held down: a drag pans whatever the tool (controls.js follows the key). */
export function setSpaceDown(down) {
    spaceDown = down;
}

// Two fingers pan and pinch-zoom; one finger (or a mouse, or a pen) uses the tool.
const touches = new Map();
let gesture = null;

function touchCentre() {
    const [a, b] = [...touches.values()];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, distance: Math.hypot(a.x - b.x, a.y - b.y) || 1 };
}

canvas.addEventListener('pointerdown', (event) => {
    if (!textEditor.hidden) {
        closeTextEditor(true); // a click elsewhere places the text being typed
        event.preventDefault();
        return;
    }
    if (noteEditorOpen()) {
        closeNoteEditor(true); // and the note being typed
        event.preventDefault();
        return;
    }
    canvas.setPointerCapture(event.pointerId);
    if (event.pointerType === 'touch') {
        touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (touches.size === 2) {
            state.drawing = null; // the first finger's stroke was the start of a gesture
            gesture = touchCentre();
            invalidate();
            return;
        }
    }
    if (gesture) return;
    const [x, y] = toBoard(event);
    const family = toolNamed(state.tool);
    // a previewed version is only looked at and copied from (by viewers too: Select picks shapes, nothing else)
    const panning = family.pans || spaceDown || event.button === 1
        || (state.preview ? state.tool !== 'select' : state.role === 'viewer');
    if (panning) {
        state.drawing = { pan: true, x: event.clientX, y: event.clientY };
        return;
    }
    const drawing = family.start(x, y, state.tool, event);
    if (drawing) {
        drawing.family = family; // the drag goes on with the tool it started with
        state.drawing = drawing;
    }
});

canvas.addEventListener('pointermove', (event) => {
    trackCursor(event);
    if (touches.has(event.pointerId)) {
        touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (gesture && touches.size === 2) {
            const now = touchCentre();
            const rect = canvas.getBoundingClientRect();
            state.view.x += now.x - gesture.x;
            state.view.y += now.y - gesture.y;
            zoomAt(now.x - rect.left, now.y - rect.top, now.distance / gesture.distance);
            gesture = now;
            return;
        }
    }
    const drawing = state.drawing;
    if (!drawing) return;
    if (drawing.pan) {
        state.view.x += event.clientX - drawing.x;
        state.view.y += event.clientY - drawing.y;
        drawing.x = event.clientX;
        drawing.y = event.clientY;
        invalidate();
        return;
    }
    const [x, y] = toBoard(event);
    drawing.family.move(drawing, x, y, event);
});

function finish() {
    const drawing = state.drawing;
    state.drawing = null;
    if (!drawing || drawing.pan) return;
    drawing.family.finish(drawing);
}

function pointerEnded(event) {
    touches.delete(event.pointerId);
    if (gesture) {
        if (touches.size === 0) gesture = null;
        return;
    }
    finish();
}

canvas.addEventListener('pointerup', pointerEnded);
canvas.addEventListener('pointercancel', pointerEnded);
