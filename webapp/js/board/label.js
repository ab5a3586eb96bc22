// A connector's label: a double click with Select on a line or an arrow opens a one-line box at its middle; Enter
// or a click elsewhere places the label (empty: none), Escape leaves it as it was. Plain text, at most 200
// characters (the app's limit), drawn by shapes.js; never HTML.
import { canvas } from './page.js';
import { state, current, topmostAt } from './scene.js';
import { change } from './changes.js';
import { toBoard } from './view.js';
import { isConnector, endsOf } from './connectors.js';

export const MAX_LABEL = 200;
const editor = document.getElementById('label-editor');
let editing = null; // the id of the connector whose label is being typed

function openLabelEditor(connector) {
    editing = connector.id;
    const v = state.view;
    const [x0, y0, x1, y1] = endsOf(connector);
    editor.value = connector.label || '';
    editor.hidden = false;
    editor.style.background = '#ffffff';
    editor.style.fontSize = `${14 * v.scale}px`;
    editor.style.width = `${Math.max(120, editor.value.length * 9 * v.scale)}px`;
    editor.style.left = `${((x0 + x1) / 2) * v.scale + v.x - editor.offsetWidth / 2}px`;
    editor.style.top = `${((y0 + y1) / 2) * v.scale + v.y - editor.offsetHeight / 2}px`;
    setTimeout(() => { editor.focus(); editor.select(); }, 0);
}

export function closeLabelEditor(place) {
    if (editor.hidden) return;
    editor.hidden = true;
    const id = editing;
    editing = null;
    const connector = id && current(id);
    const label = editor.value.trim().slice(0, MAX_LABEL);
    if (place && connector && !connector.locked && state.role !== 'viewer' && label !== (connector.label || '')) {
        const next = { ...connector, label };
        if (!label) delete next.label;
        change([next], []);
    }
    canvas.focus();
}

editor.addEventListener('blur', () => closeLabelEditor(true));
editor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); closeLabelEditor(false); }
    else if (event.key === 'Enter') { event.preventDefault(); closeLabelEditor(true); }
});

canvas.addEventListener('dblclick', (event) => {
    if (state.tool !== 'select' || state.role === 'viewer' || state.preview || !editor.hidden) return;
    const [x, y] = toBoard(event);
    const hit = topmostAt(x, y, 6 / state.view.scale, (s) => !s.locked);
    if (isConnector(hit)) openLabelEditor(hit);
});
