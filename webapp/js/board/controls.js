// The page's controls: the toolbar (tools, undo and redo, zoom), the style panel (colours, width, fill, opacity),
// the board menu's items (exports, import (after a checkpoint: the board before it is kept as a version), background,
// clear; menu.js opens and closes it) and
// the keyboard shortcuts (a tool's key, Space to pan, Ctrl+Z, Ctrl+A, Ctrl+D, Delete, Escape, + - 0; the clipboard's
// keys are clipboard.js's). With Select, the colour, width, fill and opacity restyle the selected shapes.
import { api } from '../api.js';
import { boardId, canvas, strokeInput, widthInput, fillInput, opacityInput, clearButton, showMessage } from './page.js';
import { state, invalidate } from './scene.js';
import { connection } from './status.js';
import { undo, redo } from './changes.js';
import { zoomCentre } from './view.js';
import { selectTool, toolForKey } from './tools.js';
import { setSpaceDown } from './input.js';
import { selectAll, removeSelection, restyle } from './selection.js';
import { duplicate } from './clipboard.js';
import { exportPng, exportSvg, exportJson, importJson, download } from './transfer.js';
import { uploadBackground } from './background.js';

document.querySelectorAll('[data-tool]').forEach((button) => button.addEventListener('click', () => selectTool(button.dataset.tool)));
function selectColour(colour) {
    strokeInput.value = colour;
    document.querySelectorAll('[data-colour]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.colour === colour)));
}
document.querySelectorAll('[data-colour]').forEach((button) => {
    button.style.background = button.dataset.colour;
    button.addEventListener('click', () => selectColour(button.dataset.colour));
});
strokeInput.addEventListener('input', () => selectColour(strokeInput.value));
selectColour(strokeInput.value);

// restyling the selection (notes keep their own colours: note.js)
const filled = (s) => s.kind === 'rectangle' || s.kind === 'ellipse';
const tint = (colour) => `${colour.slice(0, 7)}40`;
document.querySelectorAll('[data-colour]').forEach((b) => b.addEventListener('click', () => restyleColour(b.dataset.colour)));
strokeInput.addEventListener('change', () => restyleColour(strokeInput.value));
function restyleColour(colour) {
    restyle((s) => (s.kind === 'note' || s.stroke === colour ? null
        : { ...s, stroke: colour, fill: s.fill && filled(s) ? tint(colour) : s.fill }));
}
widthInput.addEventListener('change', () => {
    const width = Number(widthInput.value);
    restyle((s) => (s.kind === 'text' || s.kind === 'note' || s.width === width ? null : { ...s, width }));
});
fillInput.addEventListener('change', () => restyle((s) => (!filled(s) || Boolean(s.fill) === fillInput.checked ? null
    : { ...s, fill: fillInput.checked ? tint(s.stroke || '#1e1e1e') : undefined })));
opacityInput.addEventListener('change', () => {
    const opacity = Number(opacityInput.value);
    restyle((s) => ((s.opacity ?? 1) === opacity ? null : { ...s, opacity }));
});
document.getElementById('undo').addEventListener('click', undo);
document.getElementById('redo').addEventListener('click', redo);
document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1.25));
document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(0.8));
document.getElementById('zoom-reset').addEventListener('click', () => zoomCentre(1 / state.view.scale));
document.getElementById('export-png').addEventListener('click', () => exportPng());
document.getElementById('export-svg').addEventListener('click', () => download(exportSvg(), 'image/svg+xml', 'svg'));
document.getElementById('export-json').addEventListener('click', () => download(exportJson(), 'application/json', 'json'));
document.getElementById('background').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    try {
        await uploadBackground(file);
    } catch (e) {
        showMessage(`Background not set: ${e.message}`);
    }
});
document.getElementById('remove-background').addEventListener('click', () => {
    connection.send('setBackground', { color: state.backgroundColor, removeImage: true })
        .catch((r) => showMessage(`Not removed: ${r.error ? r.error.message : 'rejected'}`));
});
document.getElementById('import-json').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    if (state.role === 'viewer') { showMessage('Viewers cannot add shapes.'); return; }
    if (state.preview) { showMessage('This is a preview of an earlier version: go back to live to import.'); return; }
    try {
        const text = await file.text();
        // the board as it is before the import is kept as a version (unless it is kept already: 204)
        await api(`api/boards/${encodeURIComponent(boardId)}/checkpoint`, { method: 'POST' });
        showMessage(`Imported ${importJson(text)} shapes.`);
    } catch (e) {
        showMessage(`Not imported: ${e.message}`);
    }
});
clearButton.addEventListener('click', () => {
    if (confirm('Remove every shape from this board, for everyone?')) {
        connection.send('clearBoard', {}).catch((r) => showMessage(`Not cleared: ${r.error ? r.error.message : 'rejected'}`));
    }
});

window.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
        || event.target instanceof HTMLTextAreaElement || event.target.isContentEditable) return;
    if (event.target.closest && event.target.closest('dialog[open], [role="menu"]')) return; // their own keys
    if (event.key === ' ') { setSpaceDown(true); canvas.style.cursor = 'grab'; event.preventDefault(); return; }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo(); else undo();
        return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a' && state.role !== 'viewer') {
        event.preventDefault();
        selectTool('select');
        selectAll();
        return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'd') {
        event.preventDefault(); // not the browser's bookmark
        duplicate();
        return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Delete' || event.key === 'Backspace') { removeSelection(); event.preventDefault(); return; }
    if (event.key === 'Escape') { state.selection = new Set(); invalidate(); return; }
    if (toolForKey(event.key)) selectTool(toolForKey(event.key));
    else if (event.key === '+' || event.key === '=') zoomCentre(1.25);
    else if (event.key === '-') zoomCentre(0.8);
    else if (event.key === '0') zoomCentre(1 / state.view.scale);
});
window.addEventListener('keyup', (event) => {
    if (event.key === ' ') { setSpaceDown(false); selectTool(state.tool); }
});
window.addEventListener('resize', invalidate);
