// What the history modules share: the board's history API paths, what this person may do with versions (as the
// app said with the last list of versions), the words and times shown for versions and shapes, and the notices
// over the board ("Alice restored the version of 14:02", "12 changes since your last visit — Show").
// Every piece of user text (labels, names, shape text) is set as text, never as HTML.
import { boardId } from '../page.js';

/** The path of the board's history API `rest` (e.g. `versions`, `diff?from=visit`). */
export function historyPath(rest) {
    return `api/boards/${encodeURIComponent(boardId)}/${rest}`;
}

/** What this person may do, from the app's last answer to GET versions (viewers: nothing but look). */
export const allowed = { canSave: false, canRestore: false, canDelete: false };

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** The local time of `iso`, with its date when it is not today: "14:02", "3 Dec 2026, 14:02". */
export function when(iso) {
    const at = new Date(iso);
    return sameDay(at, new Date()) ? timeFormat.format(at) : `${dateFormat.format(at)}, ${timeFormat.format(at)}`;
}

/** The local time of `iso` alone. */
export function clock(iso) {
    return timeFormat.format(new Date(iso));
}

/** The heading of the day of `iso`: "Today", "Yesterday" or the date. */
export function dayOf(iso) {
    const at = new Date(iso);
    const today = new Date();
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (sameDay(at, today)) return 'Today';
    if (sameDay(at, yesterday)) return 'Yesterday';
    return dayFormat.format(at);
}

/** "the version of 14:02" (with its label, when it has one: "“Before the retro” (14:02)"). */
export function versionName(version) {
    return version.label ? `“${version.label}” (${when(version.createdAt)})` : `the version of ${when(version.createdAt)}`;
}

const REASONS = {
    timer: 'while the board changed',
    left: 'when everyone had left',
    clear: 'before the board was cleared',
    import: 'before an import',
    restore: 'before a restore',
};

/** Why an automatic version was kept, in words ('' when the app gives no reason). */
export function reasonWords(reason) {
    return REASONS[reason] || '';
}

/** The counts of a version or a comparison: "+3 ~5 −1" and "3 added, 5 changed, 1 removed". */
export function counts(added, changed, removed) {
    return { short: `+${added} ~${changed} −${removed}`, words: `${added} added, ${changed} changed, ${removed} removed` };
}

export function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}

const KINDS = { pen: 'Drawing', line: 'Line', arrow: 'Arrow', rectangle: 'Rectangle', ellipse: 'Ellipse',
    text: 'Text', note: 'Note', image: 'Image' };

/** A shape in words: its kind and the start of its text or label ("Note “Ask the team”"). */
export function shapeWords(shape) {
    const kind = KINDS[shape.kind] || 'Shape';
    const text = (shape.text || shape.label || '').replace(/\s+/g, ' ').trim();
    return text ? `${kind} “${text.length > 40 ? `${text.slice(0, 39)}…` : text}”` : kind;
}

/**
 * A notice over the board (#history-notices, a polite live region): `text` and buttons [{label, run}], each of which
 * also takes the notice away, and a Dismiss button. Returns the notice's element.
 */
export function notice(text, actions = [], kind = '') {
    const region = document.getElementById('history-notices');
    const item = document.createElement('p');
    item.className = 'history-notice';
    if (kind) item.dataset.notice = kind;
    const words = document.createElement('span');
    words.textContent = text;
    item.append(words);
    for (const { label, run } of [...actions, { label: 'Dismiss', run: () => {} }]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary';
        button.textContent = label;
        button.addEventListener('click', () => { item.remove(); run(); });
        item.append(button);
    }
    region.append(item);
    return item;
}

/** Shows `text` in `element` (an error line), or hides it (null). */
export function showError(element, text) {
    element.hidden = !text;
    element.textContent = text || '';
}
