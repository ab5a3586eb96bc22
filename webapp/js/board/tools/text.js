// The text tool: text is typed in place, in a text box over the canvas, then drawn as a shape (Ctrl+Enter or a
// click elsewhere places it, Escape drops it).
import { canvas, strokeInput, widthInput, opacityInput, textEditor } from '../page.js';
import { state } from '../scene.js';
import { newId, change } from '../changes.js';
import { defineTool } from '../tools.js';

let textAt = null;

function openTextEditor(x, y) {
    const size = Number(widthInput.value) * 8;
    textAt = { x, y, size };
    const v = state.view;
    textEditor.value = '';
    textEditor.style.left = `${x * v.scale + v.x}px`;
    textEditor.style.top = `${y * v.scale + v.y}px`;
    textEditor.style.fontSize = `${size * v.scale}px`;
    textEditor.style.color = strokeInput.value;
    textEditor.rows = 1;
    textEditor.hidden = false;
    setTimeout(() => textEditor.focus(), 0); // after the pointer's own focus change
}

export function closeTextEditor(place) {
    if (textEditor.hidden) return;
    textEditor.hidden = true;
    const text = textEditor.value.replace(/\s+$/, '');
    if (place && text.trim() && textAt && state.role !== 'viewer') {
        change([{ id: newId(), kind: 'text', stroke: strokeInput.value, width: textAt.size, opacity: Number(opacityInput.value),
            points: [textAt.x, textAt.y], text: text.slice(0, 10_000) }], []);
    }
    textAt = null;
    canvas.focus();
}

textEditor.addEventListener('input', () => { textEditor.rows = textEditor.value.split('\n').length; });
textEditor.addEventListener('blur', () => closeTextEditor(true));
textEditor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); closeTextEditor(false); }
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); closeTextEditor(true); }
});

defineTool('text', 't', {
    start(x, y) {
        openTextEditor(x, y);
    },
});
