// The version history panel (issue 16), beside the board like the chat (one of the two at a time): opened with the
// toolbar's history button, the board menu's "Version history…" or Shift+H; Escape or × closes it and the focus goes
// back. Three tabs (WAI-ARIA tabs: the arrow keys move between them):
// - Versions: newest first, grouped by day; each with its time, its label or "Automatic" (and why it was kept), who
//   contributed since the previous one and the counts of shapes added, changed and removed; runs of automatic ones
//   between named ones are folded ("4 automatic versions"). A click previews a version (preview.js); its menu (⋯)
//   compares it with live or with another version (compare.js), restores it and, for owners, deletes a named one.
//   Editors save a named version (label 1–100 characters, an optional description). "Load more" pages on; the
//   app's `versionsChanged` reloads the list (as far down as it was loaded).
// - Recently removed: the shapes removed lately, newest first, each with a small picture, who removed it and when,
//   and Recover (editors) to bring it back alone.
// - Activity: who did what when, paged; owners export it as CSV.
import { api } from '../../api.js';
import { bounds, drawShape } from '../../shapes.js';
import { showMessage } from '../page.js';
import { state } from '../scene.js';
import { onBoardMessage } from '../sync.js';
import { previewVersion, restoreVersion, previewed, backToLive, onPreviewEnd } from './preview.js';
import { compareWithLive, compareVersions, recoverShape } from './compare.js';
import { allowed, historyPath, when, clock, dayOf, versionName, reasonWords, counts, shapeWords, plural, showError }
    from './common.js';

const PAGE = 50;
const MAX_LIMIT = 200; // the most the app lists at once
const panel = document.getElementById('history');
const toggle = document.getElementById('history-button');
const el = (name) => panel.querySelector(`[data-history="${name}"]`);
const tabs = [...panel.querySelectorAll('[role="tab"]')];
const menu = document.getElementById('version-menu');

let opener = null;

// ---- opening and closing

export function openPanel() {
    if (!panel.hidden) return;
    opener = document.activeElement;
    const chat = document.getElementById('chat');
    if (chat && !chat.hidden) document.getElementById('chat-toggle').click(); // one panel at a time
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    document.getElementById('history-heading').focus();
    loadTab(selectedTab());
}

export function closePanel() {
    if (panel.hidden) return;
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    closeVersionMenu(false);
    stopPicking();
    const back = opener && opener.isConnected && opener !== document.body && !panel.contains(opener) ? opener : toggle;
    opener = null;
    back.focus();
}

toggle.addEventListener('click', () => (panel.hidden ? openPanel() : closePanel()));
document.getElementById('history-menu-item').addEventListener('click', openPanel);
el('close').addEventListener('click', closePanel);
document.getElementById('chat-toggle').addEventListener('click', () => {
    if (!panel.hidden) { panel.hidden = true; toggle.setAttribute('aria-expanded', 'false'); }
});

window.addEventListener('keydown', (event) => {
    if (event.key !== 'H' || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || t.isContentEditable) return;
    if (t.closest && t.closest('dialog[open], [role="menu"]')) return;
    event.preventDefault();
    if (panel.hidden) openPanel(); else closePanel();
});

// keys typed in the panel are the panel's (the board's shortcuts do not see them); Escape closes it
panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        if (picking) stopPicking(); else closePanel();
    }
    event.stopPropagation();
});

// ---- tabs

function selectedTab() {
    return tabs.find((t) => t.getAttribute('aria-selected') === 'true');
}

function selectTab(tab, focus = false) {
    for (const t of tabs) {
        const on = t === tab;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
        document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    loadTab(tab);
}

function loadTab(tab) {
    if (tab.id === 'history-tab-versions') loadVersions();
    else if (tab.id === 'history-tab-removed') loadRemoved();
    else loadActivity();
}

tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (event) => {
        const go = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (go === undefined) return;
        event.preventDefault();
        selectTab(tabs[(go + tabs.length) % tabs.length], true);
    });
});

// ---- versions

let versions = [];        // the VersionViews loaded, newest first
let more = false;
const unfolded = new Set(); // the first ids of the runs of automatic versions shown unfolded
let picking = null;       // the version a comparison was started from: the next one clicked is the other

async function loadVersions(append = false) {
    const list = el('versions');
    list.setAttribute('aria-busy', 'true');
    const before = append && versions.length ? `&before=${encodeURIComponent(versions[versions.length - 1].id)}` : '';
    // loaded again (versionsChanged, the tab shown again) after "Load more": down to the oldest one loaded, not
    // only the first page (a page more is asked for the new ones, then the list is cut after that oldest one)
    const oldest = !append && versions.length > PAGE ? versions[versions.length - 1].id : null;
    const limit = oldest ? Math.min(MAX_LIMIT, versions.length + PAGE) : PAGE;
    try {
        const page = await api(historyPath(`versions?limit=${limit}${before}`));
        allowed.canSave = Boolean(page.canSave);
        allowed.canRestore = Boolean(page.canRestore);
        allowed.canDelete = Boolean(page.canDelete);
        let loaded = page.versions;
        more = Boolean(page.more);
        const cut = oldest ? loaded.findIndex((v) => v.id === oldest) + 1 : 0;
        if (cut > 0 && cut < loaded.length) {
            loaded = loaded.slice(0, cut);
            more = true;
        }
        versions = append ? [...versions, ...loaded.filter((v) => !versions.some((w) => w.id === v.id))] : loaded;
        showError(el('versions-error'), null);
        renderVersions();
    } catch (e) {
        showError(el('versions-error'), `Could not load the versions: ${e.message}`);
    } finally {
        list.setAttribute('aria-busy', 'false');
    }
}

/** The versions of one day, with runs of two or more automatic versions between named ones folded. */
function dayItems(day) {
    const items = [];
    let run = [];
    const flush = () => {
        if (run.length === 1) items.push(versionItem(run[0]));
        else if (run.length > 1) items.push(runItem(run));
        run = [];
    };
    for (const v of day) {
        if (v.kind === 'automatic') {
            run.push(v);
        } else {
            flush();
            items.push(versionItem(v));
        }
    }
    flush();
    return items;
}

function renderVersions() {
    const days = [];
    for (const v of versions) {
        const day = dayOf(v.createdAt);
        if (!days.length || days[days.length - 1].day !== day) days.push({ day, versions: [] });
        days[days.length - 1].versions.push(v);
    }
    closeVersionMenu(false);
    el('versions').replaceChildren(...days.map(({ day, versions: those }) => {
        const section = document.createElement('section');
        section.className = 'version-day';
        const heading = document.createElement('h3');
        heading.textContent = day;
        const list = document.createElement('ol');
        list.className = 'versions';
        list.append(...dayItems(those));
        section.append(heading, list);
        return section;
    }));
    el('versions-empty').hidden = versions.length > 0;
    el('versions-more').hidden = !more;
    el('save-area').hidden = !allowed.canSave;
    if (previewed()) markPreviewed(previewed().id);
}

function runItem(run) {
    const li = document.createElement('li');
    li.className = 'auto-run';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'run-toggle';
    const open = unfolded.has(run[0].id);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = `${run.length} automatic versions (${clock(run[run.length - 1].createdAt)}–${clock(run[0].createdAt)})`;
    const list = document.createElement('ol');
    list.className = 'versions';
    list.hidden = !open;
    list.append(...run.map(versionItem));
    button.addEventListener('click', () => {
        const now = list.hidden;
        list.hidden = !now;
        button.setAttribute('aria-expanded', String(now));
        if (now) unfolded.add(run[0].id); else unfolded.delete(run[0].id);
    });
    li.append(button, list);
    return li;
}

function versionItem(v) {
    const li = document.createElement('li');
    li.className = 'version';
    li.dataset.versionId = v.id;
    li.dataset.kind = v.kind;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'version-open';
    open.title = 'Preview this version';
    const time = document.createElement('time');
    time.dateTime = v.createdAt;
    time.textContent = clock(v.createdAt);
    const label = document.createElement('span');
    label.className = 'version-label';
    label.textContent = v.label || 'Automatic';
    open.append(time, ' ', label);
    if (v.kind === 'automatic' && reasonWords(v.reason)) {
        const reason = document.createElement('small');
        reason.className = 'version-reason';
        reason.textContent = reasonWords(v.reason);
        open.append(' ', reason);
    }
    open.addEventListener('click', () => choose(v));
    const actions = document.createElement('button');
    actions.type = 'button';
    actions.className = 'version-more';
    actions.textContent = '⋯';
    actions.setAttribute('aria-haspopup', 'menu');
    actions.setAttribute('aria-expanded', 'false');
    actions.setAttribute('aria-controls', 'version-menu');
    actions.setAttribute('aria-label', `More for ${versionName(v)}`);
    actions.addEventListener('click', () => (menuFor === v ? closeVersionMenu() : openVersionMenu(v, actions)));
    actions.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openVersionMenu(v, actions, event.key === 'ArrowUp');
        }
    });
    const meta = document.createElement('p');
    meta.className = 'version-meta';
    const who = document.createElement('span');
    who.className = 'version-who';
    const names = (v.contributors || []).map((c) => c.name || c.user);
    who.textContent = names.length ? names.join(', ') : (v.createdByName || v.createdBy || '');
    const c = counts(v.added || 0, v.changed || 0, v.removed || 0);
    const shown = document.createElement('span');
    shown.className = 'version-counts';
    shown.setAttribute('aria-hidden', 'true');
    shown.textContent = c.short;
    const said = document.createElement('span');
    said.className = 'visually-hidden';
    said.textContent = `, ${c.words}`;
    meta.append(who, ' ', shown, said);
    li.append(open, actions, meta);
    if (v.description) {
        const description = document.createElement('p');
        description.className = 'version-description';
        description.textContent = v.description;
        li.append(description);
    }
    return li;
}

onPreviewEnd(() => markPreviewed(null));

function markPreviewed(id) {
    panel.querySelectorAll('li.version').forEach((li) => {
        const on = li.dataset.versionId === id;
        li.classList.toggle('previewed', on);
        const button = li.querySelector('.version-open');
        if (on) button.setAttribute('aria-current', 'true'); else button.removeAttribute('aria-current');
    });
}

/** A click on a version: previews it, or, when a comparison was started from another one, compares the two. */
async function choose(v) {
    if (picking && picking.id !== v.id) {
        const from = picking;
        stopPicking();
        await compareVersions(from, v);
    } else {
        stopPicking();
        if (await previewVersion(v.id)) markPreviewed(v.id);
    }
}

function startPicking(v) {
    picking = v;
    el('pick-text').textContent = `Choose the version to compare with ${versionName(v)}.`;
    el('pick').hidden = false;
    el('pick-cancel').focus();
}

function stopPicking() {
    picking = null;
    el('pick').hidden = true;
}

el('pick-cancel').addEventListener('click', stopPicking);
el('versions-more').addEventListener('click', () => loadVersions(true));

// the menu of one version (one menu element, shown under the version's ⋯ button)
let menuFor = null;
let menuButton = null;

function menuItems() {
    return [...menu.querySelectorAll('[role="menuitem"]')].filter((item) => !item.hidden);
}

function openVersionMenu(v, button, focusLast = false) {
    closeVersionMenu(false);
    menuFor = v;
    menuButton = button;
    menu.querySelector('[data-action="restore"]').hidden = !allowed.canRestore;
    menu.querySelector('[data-action="delete"]').hidden = !(allowed.canDelete && v.kind === 'named');
    menu.querySelector('[data-action="compare-pick"]').hidden = versions.length < 2;
    menu.setAttribute('aria-label', versionName(v));
    button.closest('li').append(menu);
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const items = menuItems();
    items[focusLast ? items.length - 1 : 0].focus();
}

function closeVersionMenu(returnFocus = true) {
    if (menu.hidden) return;
    menu.hidden = true;
    if (menuButton) {
        menuButton.setAttribute('aria-expanded', 'false');
        if (returnFocus && menuButton.isConnected) menuButton.focus();
    }
    panel.append(menu); // out of the list, which is drawn anew
    menuFor = null;
    menuButton = null;
}

menu.addEventListener('keydown', (event) => {
    const items = menuItems();
    const at = items.indexOf(document.activeElement);
    const go = (i) => { event.preventDefault(); items[(i + items.length) % items.length].focus(); };
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') { event.preventDefault(); closeVersionMenu(); }
    else if (event.key === 'Tab') closeVersionMenu(false);
});
document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !menu.contains(event.target) && event.target !== menuButton) closeVersionMenu(false);
});

menu.addEventListener('click', async (event) => {
    const item = event.target.closest('[data-action]');
    if (!item || !menuFor) return;
    const v = menuFor;
    closeVersionMenu(item.dataset.action !== 'compare-pick');
    switch (item.dataset.action) {
        case 'preview': await choose(v); break;
        case 'compare-live': await compareWithLive(v); break;
        case 'compare-pick': startPicking(v); break;
        case 'restore': if (await restoreVersion(v)) loadVersions(); break;
        case 'delete': await deleteVersion(v); break;
        default: break;
    }
});

async function deleteVersion(v) {
    if (!confirm(`Delete ${versionName(v)}? The board itself does not change.`)) return;
    try {
        await api(historyPath(`versions/${encodeURIComponent(v.id)}`), { method: 'DELETE' });
        if (previewed() && previewed().id === v.id) backToLive();
        versions = versions.filter((w) => w.id !== v.id);
        renderVersions();
        showMessage(`Deleted ${versionName(v)}.`);
    } catch (e) {
        showMessage(`Not deleted: ${e.message}`);
    }
}

// saving a named version
const form = el('save-form');
const labelInput = document.getElementById('version-label');
const descriptionInput = document.getElementById('version-description');

function showForm(open) {
    form.hidden = !open;
    el('save-open').setAttribute('aria-expanded', String(open));
    showError(el('save-error'), null);
    labelInput.removeAttribute('aria-invalid');
    if (open) labelInput.focus(); else el('save-open').focus();
}

el('save-open').addEventListener('click', () => showForm(form.hidden));
el('save-cancel').addEventListener('click', () => showForm(false));
form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const label = labelInput.value.trim();
    const description = descriptionInput.value.trim();
    const refuse = (text, field) => {
        showError(el('save-error'), text);
        const input = field === 'description' ? descriptionInput : labelInput;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
    };
    if (!label || label.length > 100) {
        refuse('Give the version a name of 1 to 100 characters.', 'label');
        return;
    }
    if (description.length > 1000) {
        refuse('The description has at most 1,000 characters.', 'description');
        return;
    }
    try {
        const json = description ? { label, description } : { label };
        const saved = await api(historyPath('versions'), { method: 'POST', json });
        labelInput.value = '';
        descriptionInput.value = '';
        showForm(false);
        versions = [saved, ...versions.filter((v) => v.id !== saved.id)];
        renderVersions();
        showMessage(`Saved ${versionName(saved)}.`);
    } catch (e) {
        refuse(`Not saved: ${e.message}`, e.body && e.body.field);
    }
});

// ---- recently removed

function thumbnail(shape) {
    const canvas = document.createElement('canvas');
    canvas.className = 'removed-thumb';
    canvas.setAttribute('aria-hidden', 'true');
    const side = 48;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = side * ratio;
    canvas.height = side * ratio;
    const ctx = canvas.getContext('2d');
    const [x0, y0, x1, y1] = bounds(shape);
    const scale = Math.min((side - 6) / Math.max(1, x1 - x0), (side - 6) / Math.max(1, y1 - y0), 2);
    ctx.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * (side / 2 - ((x0 + x1) / 2) * scale),
        ratio * (side / 2 - ((y0 + y1) / 2) * scale));
    drawShape(ctx, shape);
    return canvas;
}

async function loadRemoved() {
    try {
        const page = await api(historyPath(`removed-shapes?limit=${PAGE}`));
        showError(el('removed-error'), null);
        el('removed').replaceChildren(...page.shapes.map(removedItem));
        el('removed-empty').hidden = page.shapes.length > 0;
    } catch (e) {
        showError(el('removed-error'), `Could not load the removed shapes: ${e.message}`);
    }
}

function removedItem(entry) {
    const li = document.createElement('li');
    li.className = 'removed';
    li.dataset.shapeId = entry.shape.id;
    const text = document.createElement('div');
    text.className = 'removed-text';
    const what = document.createElement('p');
    what.className = 'removed-what';
    what.textContent = shapeWords(entry.shape);
    const who = document.createElement('p');
    who.className = 'muted removed-who';
    who.textContent = `removed by ${entry.removedByName || entry.removedBy || 'someone'}, ${when(entry.removedAt)}`;
    text.append(what, who);
    li.append(thumbnail(entry.shape), text);
    if (state.role !== 'viewer') {
        const recover = document.createElement('button');
        recover.type = 'button';
        recover.className = 'secondary small';
        recover.textContent = 'Recover';
        recover.setAttribute('aria-label', `Recover ${shapeWords(entry.shape)}`);
        recover.addEventListener('click', async () => {
            recover.disabled = true;
            if (await recoverShape(entry.shape)) {
                li.remove();
                el('removed-empty').hidden = el('removed').children.length > 0;
            } else {
                recover.disabled = false;
            }
        });
        li.append(recover);
    }
    return li;
}

// ---- activity

let activity = [];
let activityMore = false;

const ACTIONS = {
    created: (a) => (a.count ? `added ${plural(a.count, 'shape')}` : 'created the board'),
    changed: (a) => `changed ${plural(a.count || 0, 'shape')}`,
    cleared: () => 'cleared the board',
    restored: () => 'restored a version',
    background: () => 'changed the background',
    role: () => 'changed who may do what',
    renamed: () => 'renamed the board',
    version: () => 'saved a version',
    recovered: (a) => `recovered ${plural(a.count || 1, 'shape')}`,
};

function activityItem(a) {
    const li = document.createElement('li');
    li.className = 'activity';
    li.dataset.action = a.action;
    const time = document.createElement('time');
    time.dateTime = a.at;
    time.textContent = when(a.at);
    const who = document.createElement('strong');
    who.textContent = a.name || a.user;
    const did = (ACTIONS[a.action] || (() => a.action))(a);
    li.append(time, ' ', who, ` ${did}${a.detail ? `: ${a.detail}` : ''}`);
    return li;
}

async function loadActivity(append = false) {
    const before = append && activity.length ? `&before=${encodeURIComponent(activity[activity.length - 1].id)}` : '';
    try {
        const page = await api(historyPath(`activity?limit=${PAGE}${before}`));
        activity = append ? [...activity, ...page.activity] : page.activity;
        activityMore = Boolean(page.more);
        showError(el('activity-error'), null);
        el('activity').replaceChildren(...activity.map(activityItem));
        el('activity-empty').hidden = activity.length > 0;
        el('activity-more').hidden = !activityMore;
        const exportLink = el('activity-export');
        exportLink.hidden = !page.canExport;
        exportLink.href = historyPath('activity?format=csv');
    } catch (e) {
        showError(el('activity-error'), `Could not load the activity: ${e.message}`);
    }
}

el('activity-more').addEventListener('click', () => loadActivity(true));

// the app says the versions changed (saved, deleted, kept automatically, restored): an open list follows
onBoardMessage((data) => {
    if (data.type !== 'versionsChanged') return false;
    if (!panel.hidden) loadTab(selectedTab());
    return true;
});
