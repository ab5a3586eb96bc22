// The read-only preview of a version (issue 16): its shapes are shown on the canvas instead of the live board
// (scene.js's state.preview), clearly marked by the banner over the board and an outline around it. Pan and zoom
// work; Select picks shapes (click, Shift+click, drag a box) to copy them to the system clipboard, to paste into the
// live board after "Back to live"; the exports write the version; every other tool is off and nothing is sent
// (changes.js refuses). The live board underneath goes on taking the others' changes, and shows again on "Back to
// live" (or Escape with nothing selected). Restore makes the version the board's content for everyone, after a
// confirmation; the app keeps the state before it as an automatic version, so a restore can itself be undone.
// The app's `boardRestored` message (anyone's restore) loads the board again and says who restored what.
import { api } from '../../api.js';
import { showMessage } from '../page.js';
import { SceneMap, state, setPreview } from '../scene.js';
import { selectTool } from '../tools.js';
import { loadedBackground } from '../background.js';
import { resync, onBoardMessage } from '../sync.js';
import { connection } from '../status.js';
import { exportPng, exportSvg, exportJson, download } from '../transfer.js';
import { clipboardText } from '../clipboard.js';
import { selectedShapes } from '../selection.js';
import { allowed, historyPath, versionName, when, notice, plural } from './common.js';

const banner = document.getElementById('preview-banner');
const part = (name) => banner.querySelector(`[data-preview="${name}"]`);
const exportMenu = document.getElementById('preview-export-menu');
let toolBefore = null;
const leaveListeners = [];

/** Calls `listener()` whenever a preview ends (compare.js: a comparison of two versions ends with it). */
export function onPreviewEnd(listener) {
    leaveListeners.push(listener);
}

/** The version previewed now (its VersionView), or null. */
export function previewed() {
    return state.preview ? state.preview.version : null;
}

/** Shows the version with this id read-only on the canvas (fetched from the app); resolves to it, or null. */
export async function previewVersion(versionId) {
    let content; // {version: VersionView, shapes}
    try {
        content = await api(historyPath(`versions/${encodeURIComponent(versionId)}`));
    } catch (e) {
        showMessage(`Could not load the version: ${e.message}`);
        return null;
    }
    const { version } = content;
    if (!state.preview) toolBefore = state.tool;
    setPreview({
        version,
        shapes: new SceneMap(content.shapes.map((s) => [s.id, s])),
        backgroundColor: version.backgroundColor ?? null,
        background: version.backgroundImage ? loadedBackground(version.backgroundImage) : null,
    });
    state.drawing = null;
    selectTool('select'); // to pick shapes to copy (viewers too); pan with Space, the middle button or H
    document.body.dataset.preview = version.id;
    part('title').textContent = `Previewing ${versionName(version)}`;
    part('who').textContent = version.createdByName ? `— ${version.createdByName}` : '';
    part('restore').hidden = !allowed.canRestore;
    banner.hidden = false;
    return version;
}

/** Shows the live board again (the preview's selection is let go). */
export function backToLive() {
    if (!state.preview) return;
    setPreview(null);
    delete document.body.dataset.preview;
    banner.hidden = true;
    closeExportMenu(false);
    if (toolBefore) selectTool(toolBefore);
    toolBefore = null;
    leaveListeners.forEach((listener) => listener());
}

/**
 * Restores `version` (a VersionView) after a confirmation: the app makes its content the board's, announces it to
 * everyone (boardRestored), and the board is loaded again here. Resolves to whether it was restored.
 */
export async function restoreVersion(version) {
    if (!confirm(`Restore ${versionName(version)} for everyone on the board?\n\nThe board as it is now is kept as a`
        + ' version first, so this can be undone by restoring that one.')) {
        return false;
    }
    try {
        await api(historyPath(`versions/${encodeURIComponent(version.id)}/restore`), { method: 'POST' });
    } catch (e) {
        showMessage(`Not restored: ${e.message}`);
        return false;
    }
    backToLive();
    await resync();
    return true;
}

function openExportMenu() {
    exportMenu.hidden = false;
    part('export').setAttribute('aria-expanded', 'true');
    exportMenu.querySelector('[role="menuitem"]').focus();
}

function closeExportMenu(returnFocus = true) {
    if (exportMenu.hidden) return;
    exportMenu.hidden = true;
    part('export').setAttribute('aria-expanded', 'false');
    if (returnFocus) part('export').focus();
}

/** Copies the selected shapes of the version to the system clipboard, as Ctrl+C does (clipboard.js). */
async function copySelection() {
    const shapes = selectedShapes();
    if (!shapes.length) {
        showMessage('Select shapes of this version first (click, Shift+click or drag a box), then copy them.');
        return;
    }
    const text = clipboardText(shapes);
    try {
        await navigator.clipboard.writeText(text);
    } catch {
        // no clipboard API here (or not allowed): the page's own copy handler writes the selection
        document.execCommand('copy');
    }
    showMessage(`Copied ${plural(shapes.length, 'shape')}: go back to live and paste them (Ctrl+V).`);
}

part('back').addEventListener('click', backToLive);
part('restore').addEventListener('click', () => { if (state.preview) restoreVersion(state.preview.version); });
part('copy').addEventListener('click', copySelection);
part('export').addEventListener('click', () => (exportMenu.hidden ? openExportMenu() : closeExportMenu()));
part('export').addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); openExportMenu(); }
});
exportMenu.addEventListener('keydown', (event) => {
    const items = [...exportMenu.querySelectorAll('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement);
    const go = (i) => { event.preventDefault(); items[(i + items.length) % items.length].focus(); };
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); closeExportMenu(); }
    else if (event.key === 'Tab') closeExportMenu(false);
});
exportMenu.addEventListener('click', (event) => {
    const item = event.target.closest('[data-export]');
    if (!item || !state.preview) return;
    const suffix = ` (version of ${when(state.preview.version.createdAt).replace(/[/:]/g, '-')})`;
    if (item.dataset.export === 'png') exportPng(suffix);
    else if (item.dataset.export === 'svg') download(exportSvg(), 'image/svg+xml', 'svg', suffix);
    else download(exportJson(), 'application/json', 'json', suffix);
    closeExportMenu();
});
document.addEventListener('pointerdown', (event) => {
    if (!exportMenu.hidden && !exportMenu.contains(event.target) && event.target !== part('export')) closeExportMenu(false);
});

// Escape with nothing selected leaves the preview (the first Escape lets go of a selection: controls.js). Heard
// before controls.js's handler (capture), which clears the selection.
window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !state.preview || state.selection.size) return;
    const t = event.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
    if (t.closest && t.closest('dialog[open], [role="menu"], .history-panel')) return;
    backToLive();
}, true);

// Anyone's restore: the board is loaded again (unless this page has it already) and everyone is told.
onBoardMessage((data) => {
    if (data.type !== 'boardRestored') return false;
    if (typeof data.version !== 'number' || data.version > state.version) resync();
    const me = connection && connection.negotiated ? connection.negotiated.userId : null;
    const who = data.by === me ? 'You' : (data.byName || data.by || 'Someone');
    const what = data.restored && data.restored.createdAt ? versionName(data.restored) : 'an earlier version';
    const shown = notice(`${who} restored ${what}.`, [], 'restored');
    setTimeout(() => shown.remove(), 60_000); // news for a while, not for good
    return true;
});
