// The Note tool (N): a sticky note is a square of a soft colour whose text is wrapped and sized to fit it
// (shapes.js draws it). A click puts a 200 × 200 note (a drag, a note of the dragged size) and opens a text box
// over it to type in; Ctrl+Enter or a click elsewhere places it, Escape drops it, and a note without text is not
// placed. A click with the Note tool, or a double click with Select, on a note edits its text in place. The note
// colours are a palette of their own; picking one recolours the selected notes. The text is only ever
// a textarea's value and canvas text: never HTML.
import { canvas, opacityInput } from '../page.js';
import { state, current, invalidate, topmostAt } from '../scene.js';
import { newId, change } from '../changes.js';
import { defineTool } from '../tools.js';
import { restyle } from '../selection.js';
import { toBoard } from '../view.js';
import { noteBox, noteLayout, NOTE_FONT } from '../../shapes.js';

export const NOTE_SIZE = 200;
const NOTE_TEXT = '#1e1e1e';
const editor = document.getElementById('note-editor');
let noteColour = '#ffd43b';
let editing = null; // the note whose text is being typed: a new one (no id yet) or a stored one

/** Whether the note editor is open (input.js: a press elsewhere then places the note first). */
export function noteEditorOpen() {
    return !editor.hidden;
}

function openNoteEditor(note) {
    editing = note;
    editor.value = note.text || '';
    editor.style.background = note.fill;
    editor.style.color = note.stroke || NOTE_TEXT;
    editor.style.fontFamily = NOTE_FONT;
    editor.hidden = false;
    fitEditor();
    setTimeout(() => { editor.focus(); editor.setSelectionRange(editor.value.length, editor.value.length); }, 0);
}

/** Places the editor over the note, its text at the size the note will draw it. */
function fitEditor() {
    const v = state.view;
    const box = noteBox(editing);
    const { size } = noteLayout({ ...editing, text: editor.value || ' ' });
    editor.style.left = `${box.x * v.scale + v.x}px`;
    editor.style.top = `${box.y * v.scale + v.y}px`;
    editor.style.width = `${box.w * v.scale}px`;
    editor.style.height = `${box.h * v.scale}px`;
    editor.style.padding = `${Math.max(0, box.pad * v.scale - 1)}px`; // less its 1px border: lines wrap as drawn
    editor.style.fontSize = `${size * v.scale}px`;
}

export function closeNoteEditor(place) {
    if (editor.hidden) return;
    editor.hidden = true;
    const text = editor.value.replace(/\s+$/, '').slice(0, 10_000);
    const note = editing;
    editing = null;
    if (place && note && text.trim() && state.role !== 'viewer') {
        if (!note.id) {
            change([{ ...note, id: newId(), text }], []);
        } else if (current(note.id) && text !== note.text) {
            change([{ ...current(note.id), text }], []);
        }
    }
    canvas.focus();
}

editor.addEventListener('input', fitEditor);
editor.addEventListener('blur', () => closeNoteEditor(true));
editor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); closeNoteEditor(false); }
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); closeNoteEditor(true); }
});

function noteAt(x, y) {
    const hit = topmostAt(x, y, 0);
    return hit && hit.kind === 'note' ? hit : undefined;
}

defineTool('note', 'n', {
    start(x, y) {
        const existing = noteAt(x, y);
        if (existing) {
            openNoteEditor(existing);
            return undefined;
        }
        return { shape: { kind: 'note', stroke: NOTE_TEXT, width: 2, fill: noteColour, opacity: Number(opacityInput.value) || 1,
            points: [x, y, x, y], text: '' } };
    },
    move(drawing, x, y) {
        const p = drawing.shape.points; // a new shape object: layouts are kept per object
        drawing.shape = { ...drawing.shape, points: [p[0], p[1], x, y] };
        invalidate();
    },
    finish(drawing) {
        const [x0, y0, x1, y1] = drawing.shape.points;
        const dragged = Math.hypot(x1 - x0, y1 - y0) * state.view.scale > 8;
        const w = dragged ? Math.max(40, Math.abs(x1 - x0)) : NOTE_SIZE;
        const h = dragged ? Math.max(40, Math.abs(y1 - y0)) : NOTE_SIZE;
        const left = dragged ? Math.min(x0, x1) : x0, top = dragged ? Math.min(y0, y1) : y0;
        invalidate();
        openNoteEditor({ ...drawing.shape, points: [left, top, left + w, top + h] });
    },
});

// a double click with Select edits a note's text
canvas.addEventListener('dblclick', (event) => {
    if (state.tool !== 'select' || state.role === 'viewer' || state.preview || noteEditorOpen()) return;
    const [x, y] = toBoard(event);
    const note = noteAt(x, y);
    if (note) openNoteEditor(note);
});

function pickNoteColour(colour) {
    noteColour = colour;
    document.querySelectorAll('[data-note-colour]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.noteColour === colour)));
    restyle((s) => (s.kind === 'note' && s.fill !== colour ? { ...s, fill: colour } : null)); // the selected notes
}
document.querySelectorAll('[data-note-colour]').forEach((button) => {
    button.style.background = button.dataset.noteColour;
    button.addEventListener('click', () => pickNoteColour(button.dataset.noteColour));
});
document.querySelectorAll('[data-note-colour]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.noteColour === noteColour)));
