// "What changed" (issue 16): a comparison of a version with the live board, of two versions (the newer one is
// previewed: preview.js), or of the board with what this person saw last time ("since your last visit"). The
// shapes added, changed and removed are highlighted on the canvas (highlights.js) and listed in a card over the
// board with a summary; a listed shape is shown on a click (the view centred on it), and a removed one can be
// recovered alone (editors). Done (or Escape with nothing selected) ends it and takes the highlights away.
// The visit: the page tells the app which board version this person has seen, after the board is loaded and as it
// changes (at most once every 30 s) and when the page goes away; on load it first asks what changed since the
// previous visit and offers to show it.
import { api } from '../../api.js';
import { showMessage } from '../page.js';
import { state, boxOf, current } from '../scene.js';
import { centreOn } from '../view.js';
import { onBoardVersion, onBoardMessage } from '../sync.js';
import { setHighlights } from '../highlights.js';
import { previewVersion, backToLive, onPreviewEnd } from './preview.js';
import { historyPath, versionName, counts, shapeWords, plural, notice } from './common.js';

const card = document.getElementById('compare');
const part = (name) => card.querySelector(`[data-compare="${name}"]`);
const VISIT_EVERY_MS = 30_000;

let comparing = null; // {withPreview: whether a version is previewed for it}

/** The number of shapes a comparison (an app `diff`) found changed. */
export function changeCount(diff) {
    return diff.added.length + diff.changed.length + diff.removed.length;
}

function item(label, shape, removed) {
    const li = document.createElement('li');
    li.dataset.shapeId = shape.id;
    li.dataset.change = label;
    const show = document.createElement('button');
    show.type = 'button';
    show.className = 'link';
    show.textContent = `${label[0].toUpperCase()}${label.slice(1)}: ${shapeWords(shape)}`;
    show.title = 'Show it on the board';
    show.addEventListener('click', () => {
        const b = boxOf(removed ? shape : current(shape.id) || shape);
        centreOn((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, state.view.scale);
    });
    li.append(show);
    if (removed && state.role !== 'viewer') {
        const recover = document.createElement('button');
        recover.type = 'button';
        recover.className = 'secondary small';
        recover.textContent = 'Recover';
        recover.setAttribute('aria-label', `Recover ${shapeWords(shape)}`);
        recover.addEventListener('click', async () => {
            if (await recoverShape(shape)) li.remove();
        });
        li.append(recover);
    }
    return li;
}

/** Brings a removed shape back on its own (POST recover); resolves to whether it came back. */
export async function recoverShape(shape) {
    try {
        await api(historyPath(`shapes/${encodeURIComponent(shape.id)}/recover`), { method: 'POST' });
        showMessage(`${shapeWords(shape)} is back on the board.`);
        return true;
    } catch (e) {
        showMessage(e.status === 409 ? `${shapeWords(shape)} is on the board already.` : `Not recovered: ${e.message}`);
        return false;
    }
}

/** Shows a comparison: the highlights, and the card titled `title` with the summary and the list. */
function show(diff, title, withPreview) {
    comparing = { withPreview };
    setHighlights({ added: diff.added, changed: diff.changed.map((c) => c.after), removed: diff.removed });
    part('title').textContent = title;
    const c = counts(diff.added.length, diff.changed.length, diff.removed.length);
    part('summary').textContent = changeCount(diff) ? `${plural(changeCount(diff), 'shape')}: ${c.words}.` : 'Nothing changed.';
    part('list').replaceChildren(...diff.added.map((s) => item('added', s, false)),
        ...diff.changed.map((ch) => item('changed', ch.after, false)), ...diff.removed.map((s) => item('removed', s, true)));
    part('details').hidden = !changeCount(diff);
    card.hidden = false;
}

/** Ends the comparison: the highlights go (and the preview of a comparison of two versions). */
export function endComparison() {
    if (!comparing) return;
    const { withPreview } = comparing;
    comparing = null;
    setHighlights(null);
    card.hidden = true;
    if (withPreview) backToLive();
}

/** Compares `version` (a VersionView) with the live board. */
export async function compareWithLive(version) {
    try {
        const diff = await api(historyPath(`diff?from=${encodeURIComponent(version.id)}&to=live`));
        endComparison();
        backToLive();
        show(diff, `Since ${versionName(version)}`, false);
    } catch (e) {
        showMessage(`Could not compare: ${e.message}`);
    }
}

/** Compares two versions: the newer one is previewed, with what changed since the older one highlighted. */
export async function compareVersions(a, b) {
    const [older, newer] = a.version <= b.version ? [a, b] : [b, a];
    try {
        const diff = await api(historyPath(`diff?from=${encodeURIComponent(older.id)}&to=${encodeURIComponent(newer.id)}`));
        endComparison();
        if (!await previewVersion(newer.id)) return;
        show(diff, `From ${versionName(older)} to ${versionName(newer)}`, true);
    } catch (e) {
        showMessage(`Could not compare: ${e.message}`);
    }
}

part('done').addEventListener('click', endComparison);
onPreviewEnd(() => {
    if (comparing && comparing.withPreview) {
        comparing.withPreview = false;
        endComparison();
    }
});
// a recovered shape leaves the comparison's list of removed ones when it comes back (from anywhere)
onBoardMessage((data) => {
    if (comparing && data.type === 'shapesChanged' && Array.isArray(data.put)) {
        data.put.forEach((s) => part('list').querySelectorAll(`li[data-change="removed"]`).forEach((li) => {
            if (li.dataset.shapeId === s.id) li.remove();
        }));
    }
    return false;
});

window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !comparing || state.preview || state.selection.size) return;
    const t = event.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
    if (t.closest && t.closest('dialog[open], [role="menu"], .history-panel')) return;
    endComparison();
}, true);

// The visit: what changed since the last one is asked for once, before the first visit of this page is recorded.
let asked = false;
let lastSent = 0;
let sentVersion = -1;
let timer = 0;

function recordVisit(keepalive = false) {
    clearTimeout(timer);
    timer = 0;
    if (!asked || state.version === sentVersion) return;
    sentVersion = state.version;
    lastSent = Date.now();
    api(historyPath('visit'), { method: 'PUT', json: { version: state.version }, keepalive, noSignInRedirect: true })
        .catch(() => { sentVersion = -1; });
}

function visitSoon() {
    if (timer || !asked) return;
    timer = setTimeout(recordVisit, Math.max(0, lastSent + VISIT_EVERY_MS - Date.now()));
}

async function sinceLastVisit() {
    try {
        const diff = await api(historyPath('diff?from=visit&to=live'));
        const n = changeCount(diff);
        if (!diff.firstVisit && n > 0) {
            notice(`${plural(n, 'change')} since your last visit.`, [{ label: 'Show', run: () => {
                endComparison();
                backToLive();
                show(diff, 'Since your last visit', false);
            } }], 'since-visit');
        }
    } catch {
        // no comparison to offer: the visit is still recorded
    } finally {
        asked = true;
        recordVisit();
    }
}

let askedFor = false; // the first load asks, once
onBoardVersion((loaded) => {
    if (loaded && !askedFor) {
        askedFor = true;
        sinceLastVisit();
    } else {
        visitSoon();
    }
});
window.addEventListener('pagehide', () => recordVisit(true));
