// The eraser: the shapes it passes over disappear at once and are removed together, one change (and one undo
// step), when the pointer is let go.
import { state, invalidate, topmostAt } from '../scene.js';
import { change } from '../changes.js';
import { defineTool } from '../tools.js';
import { unboundFrom } from '../connectors.js';

function erase(drawing, x, y) {
    const shape = topmostAt(x, y, 6 / state.view.scale, (s) => !s.locked); // a locked shape stays
    if (shape && !drawing.erase.has(shape.id)) {
        drawing.erase.add(shape.id);
        state.localRemoved.add(shape.id);
        invalidate();
    }
}

defineTool('eraser', 'e', {
    cursor: 'cell',
    start(x, y) {
        const drawing = { erase: new Set() };
        erase(drawing, x, y);
        return drawing;
    },
    move: erase,
    finish(drawing) {
        if (drawing.erase.size) change(unboundFrom([...drawing.erase]), [...drawing.erase]); // connectors stay, unbound
    },
});
