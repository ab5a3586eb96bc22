// The style panel (board.html's #properties): colour, width (the text size for text), fill, opacity and the note
// colours, for the tool in hand or, with Select, for the selected shapes (controls.js and tools/note.js apply
// them). It shows what applies: fill for rectangles and ellipses, the note colours for notes, "Text size" for text,
// nothing for Pan, Eraser and Laser. Notes size their text to fit, so there is no font size of its own to set.
import { state } from './scene.js';
import { selectedShapes } from './selection.js';

const panel = document.getElementById('properties');
const STYLED = new Set(['pen', 'line', 'arrow', 'rectangle', 'ellipse', 'text', 'note', 'select']);

/** The kinds the panel styles now: the tool's, or the selection's with Select. */
function kinds() {
    if (state.tool !== 'select') return new Set([state.tool]);
    return new Set(selectedShapes().map((s) => s.kind));
}

function flag(name, on) {
    if (panel.hasAttribute(name) !== on) panel.toggleAttribute(name, on);
}

function update() {
    const now = kinds();
    const selecting = state.tool === 'select';
    flag('data-empty', !STYLED.has(state.tool));
    flag('data-fill', now.has('rectangle') || now.has('ellipse') || (selecting && now.size === 0));
    flag('data-notes', now.has('note') || (selecting && now.size === 0));
    flag('data-text', now.size > 0 && [...now].every((k) => k === 'text'));
}

// a new tool shows at once (tools.js marks it on <body data-tool>); the selection changes in many places, and the
// panel follows it a few times a second (as arrange.js's bar does)
new MutationObserver(update).observe(document.body, { attributes: true, attributeFilter: ['data-tool'] });
setInterval(update, 150);
update();
