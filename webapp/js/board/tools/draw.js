// The drawing tools: pen, line, arrow, rectangle and ellipse. The shape grows under the pointer, is shown live to
// the others while it is drawn (at most 20 messages a second; the pen sends only its new points) and is made a
// change when the pointer is let go. A line's or an arrow's end let go on (or near) a shape is bound to it
// (connectors.js), and the shape it would bind to is outlined while the pointer is over it.
import { canvas, strokeInput, widthInput, fillInput, opacityInput } from '../page.js';
import { state, invalidate } from '../scene.js';
import { toBoard } from '../view.js';
import { isConnector, bindableAt, bindEnds, showHint } from '../connectors.js';
import { connection } from '../status.js';
import { newId, change } from '../changes.js';
import { defineTool } from '../tools.js';

let lastPublish = 0;

const draw = {
    start(x, y, kind) {
        const shape = { id: newId(), kind, stroke: strokeInput.value, width: Number(widthInput.value),
            fill: fillInput.checked && (kind === 'rectangle' || kind === 'ellipse') ? strokeInput.value + '40' : undefined,
            opacity: Number(opacityInput.value), points: [x, y, x, y] };
        if (shape.kind === 'pen') shape.points = [x, y];
        return { shape, sent: 0 };
    },

    move(drawing, x, y) {
        const points = drawing.shape.points;
        if (drawing.shape.kind === 'pen') {
            const [lx, ly] = points.slice(-2);
            if (Math.hypot(x - lx, y - ly) * state.view.scale < 2 || points.length >= 20_000) return;
            points.push(x, y);
        } else {
            points[2] = x;
            points[3] = y;
            if (isConnector(drawing.shape)) showHint(bindableAt(x, y));
        }
        invalidate();
        const now = performance.now();
        if (now - lastPublish > 50) { // live strokes: at most 20 messages a second
            lastPublish = now;
            publishStroke(drawing);
        }
    },

    finish(drawing) {
        showHint(null);
        const shape = drawing.shape;
        if (shape.kind !== 'pen' && shape.points[0] === shape.points[2] && shape.points[1] === shape.points[3]) return;
        change([isConnector(shape) ? bindEnds(shape) : shape], []);
    },
};

function publishStroke(drawing) {
    const shape = drawing.shape;
    const incremental = shape.kind === 'pen';
    connection.publish({ type: 'stroke', id: shape.id, kind: shape.kind, stroke: shape.stroke, width: shape.width,
        fill: shape.fill, from: incremental ? drawing.sent : 0, points: incremental ? shape.points.slice(drawing.sent) : shape.points });
    drawing.sent = incremental ? shape.points.length : 0;
}

// with Line or Arrow, the shape an end put down here would bind to is outlined
canvas.addEventListener('pointermove', (event) => {
    if (state.drawing || state.role === 'viewer') return;
    const [x, y] = toBoard(event);
    showHint(state.tool === 'line' || state.tool === 'arrow' ? bindableAt(x, y) : null);
});
canvas.addEventListener('pointerleave', () => { if (!state.drawing) showHint(null); });

defineTool('pen', 'p', draw);
defineTool('line', 'l', draw);
defineTool('arrow', 'a', draw);
defineTool('rectangle', 'r', draw);
defineTool('ellipse', 'o', draw);
