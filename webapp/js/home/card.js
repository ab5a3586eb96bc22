// One board on the boards home, as a card (grid view) or a row (list view): its thumbnail, title (renamed in place),
// owner, last change ("edited 5 min ago by Bob Berg"), who is on it now, and the actions the caller's role allows: star, rename,
// duplicate, share, delete to the trash; in the trash: restore and delete for good. The actions are the REST calls;
// what they change is reported to the list through `on`. All user text is set as text, never HTML.
import { api } from '../api.js';
import { openShareDialog } from '../share.js';
import { ago, exactly } from './time.js';
import { thumbnail } from './thumbnail.js';

function button(text, className, label) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    return b;
}

/**
 * The item for `board`; `on` = {changed(board), removed(board, message), added(board), failed(message)}.
 */
export function boardCard(board, on) {
    const path = `api/boards/${encodeURIComponent(board.id)}`;
    const item = document.createElement('li');
    item.className = 'board-card';
    item.dataset.boardId = board.id;
    const inTrash = Boolean(board.deletedAt);

    const name = document.createElement(inTrash ? 'span' : 'a');
    name.className = 'board-title';
    if (!inTrash) name.href = `board.html?id=${encodeURIComponent(board.id)}`;
    name.textContent = board.title;
    const heading = document.createElement('h3');
    heading.className = 'board-heading';
    heading.append(name);

    const meta = document.createElement('p');
    meta.className = 'board-meta';
    const owner = board.ownerName || board.owner;
    const by = board.changedByName || board.changedBy;
    meta.textContent = inTrash
        ? `${owner} · moved to the trash ${ago(board.deletedAt)}`
        : `${owner}${board.role ? ` · ${board.role}` : ''} · edited ${ago(board.changedAt)} by ${by}`;
    meta.title = `Created ${exactly(board.createdAt)}; last change ${exactly(board.changedAt)}`;

    const actions = document.createElement('div');
    actions.className = 'board-actions';
    const run = async (control, work) => {
        control.disabled = true;
        try {
            await work();
        } catch (e) {
            on.failed(e.message);
        } finally {
            control.disabled = false;
        }
    };

    if (inTrash) {
        const restore = button('Restore', 'secondary board-restore', `Restore ${board.title}`);
        restore.addEventListener('click', () => run(restore, async () => {
            await api(`${path}/restore`, { method: 'POST' });
            on.removed(board, `“${board.title}” is back.`);
        }));
        const purge = button('Delete forever', 'danger board-purge', `Delete forever: ${board.title}`);
        purge.addEventListener('click', () => run(purge, async () => {
            if (!confirm(`Delete “${board.title}” forever? This cannot be undone.`)) return;
            await api(`${path}?purge=true`, { method: 'DELETE' });
            on.removed(board, `“${board.title}” was deleted for good.`);
        }));
        actions.append(restore, purge);
        item.append(heading, meta, actions);
        return item;
    }

    const star = button(board.starred ? '★' : '☆', 'icon board-star', `Star ${board.title}`);
    star.setAttribute('aria-pressed', String(Boolean(board.starred)));
    star.title = board.starred ? 'Starred: click to unstar' : 'Star';
    star.addEventListener('click', () => run(star, async () => {
        const starred = !board.starred;
        await api(`${path}/star`, { method: starred ? 'PUT' : 'DELETE' });
        on.changed({ ...board, starred });
    }));
    const duplicate = button('Duplicate', 'secondary board-duplicate', `Duplicate ${board.title}`);
    duplicate.addEventListener('click', () => run(duplicate, async () => {
        on.added(await api(`${path}/duplicate`, { method: 'POST' }));
    }));
    actions.append(star, duplicate);

    if (board.role === 'owner') {
        const rename = button('Rename', 'secondary board-rename', `Rename ${board.title}`);
        rename.addEventListener('click', () => renameInPlace(board, heading, name, on));
        const share = button('Share', 'secondary board-share', `Share ${board.title}`);
        share.addEventListener('click', () => openShareDialog(board, (updated) => on.changed({ ...board, ...updated, starred: board.starred }),
            () => document.querySelector(`#board-list [data-board-id="${CSS.escape(board.id)}"] .board-share`)));
        const remove = button('Delete', 'danger board-delete', `Delete ${board.title} (to the trash)`);
        remove.addEventListener('click', () => run(remove, async () => {
            await api(path, { method: 'DELETE' });
            on.removed(board, `“${board.title}” was moved to the trash.`);
        }));
        actions.append(rename, share, remove);
    }
    const here = document.createElement('p');
    here.className = 'board-here';
    here.hidden = true; // filled in by the list with who is on the board now
    item.append(thumbnail(board), heading, meta, here, actions);
    return item;
}

/** Swaps the title for a text field: Enter saves, Escape (or leaving it unchanged) gives the title back. */
export function renameInPlace(board, heading, name, on) {
    const form = document.createElement('form');
    form.className = 'rename-form';
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'rename-input';
    input.maxLength = 120;
    input.value = board.title;
    input.setAttribute('aria-label', 'New title');
    form.append(input);
    heading.replaceChildren(form);
    input.focus();
    input.select();
    let done = false;
    const back = () => { if (!done) { done = true; heading.replaceChildren(name); } };
    input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); back(); } });
    input.addEventListener('blur', () => { if (input.value.trim() === board.title) back(); });
    form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (!input.value.trim()) { on.failed('Give the board a title.'); return; }
        try {
            const updated = await api(`api/boards/${encodeURIComponent(board.id)}`, { method: 'PATCH', json: { title: input.value } });
            done = true;
            on.changed({ ...board, ...updated, starred: board.starred });
        } catch (err) {
            on.failed(err.message);
        }
    });
}
