// The share dialog, on the boards home and the board page: who has which role on a board, a people search to add
// someone as viewer, editor or owner, changing or removing a role, and link access (off / anyone signed in can view /
// can edit) with a copy-link button. Owners change things; everyone else sees who has access. The server decides
// (the creator is always an owner and cannot be removed: its answer is shown as is). All user text is set as text.
import { api } from './api.js';

const ROLES = ['viewer', 'editor', 'owner'];
const LINK = [['off', 'Off: only the people listed'], ['view', 'Anyone signed in with the link can view'],
    ['edit', 'Anyone signed in with the link can edit']];

function element(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
}

function roleSelect(value, label) {
    const select = element('select', { className: 'member-role' });
    select.setAttribute('aria-label', label);
    for (const role of ROLES) select.append(element('option', { value: role, textContent: role }));
    select.value = value;
    return select;
}

/** The board's address, to share. */
export function boardLink(boardId) {
    return new URL(`board.html?id=${encodeURIComponent(boardId)}`, document.baseURI).toString();
}

let dialog = null;

/**
 * Tab from the dialog's last control goes to its first, Shift+Tab from the first to the last. A modal <dialog> makes
 * the page behind it inert, but Chromium still lets Tab leave it for the browser's own controls.
 */
function keepTabInside(event) {
    if (event.key !== 'Tab') return;
    const stops = [...event.currentTarget.querySelectorAll('button, select, input, textarea, a[href], [tabindex="0"]')]
        .filter((e) => !e.disabled && e.getClientRects().length > 0);
    if (!stops.length) return;
    const [first, last] = [stops[0], stops[stops.length - 1]];
    const outside = !stops.includes(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || outside)) {
        event.preventDefault();
        last.focus();
    } else if (!event.shiftKey && (document.activeElement === last)) {
        event.preventDefault();
        first.focus();
    }
}

/**
 * Opens the dialog for `board` ({id, title, role, linkAccess}); `onChange(board)` is told of a new link access.
 * A modal <dialog>: Tab stays inside, Escape closes it. Focus returns to what had it when the dialog closes, or, when
 * that was replaced meanwhile (a card drawn again after a change), to what `returnFocus()` finds then.
 */
export async function openShareDialog(board, onChange = () => {}, returnFocus = () => null) {
    dialog?.remove();
    const owner = board.role === 'owner';
    const path = `api/boards/${encodeURIComponent(board.id)}`;
    const returnTo = document.activeElement;

    const heading = element('h2', { id: 'share-heading', textContent: `Share “${board.title}”` });
    const error = element('p', { id: 'share-error', className: 'error' });
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const note = element('p', { id: 'share-note', className: 'muted' });
    note.setAttribute('role', 'status');
    const members = element('ul', { id: 'share-members', className: 'members' });
    members.setAttribute('aria-label', 'People with access');

    const showError = (e) => { error.textContent = e.message || String(e); error.hidden = false; };
    const say = (text) => { error.hidden = true; note.textContent = text; };

    async function loadMembers() {
        const list = await api(`${path}/members`);
        members.replaceChildren(...list.map((m, i) => memberRow(m, i === 0))); // the creator comes first
    }

    function memberRow(member, creator) {
        const row = element('li', {}, element('span', { className: 'member-name', textContent: member.name || member.user }),
            element('span', { className: 'member-id muted', textContent: member.name && member.name !== member.user ? member.user : '' }));
        row.dataset.member = member.user;
        if (!owner || creator) {
            row.append(element('span', { className: 'badge', textContent: creator ? 'owner · created it' : member.role }));
            if (!owner) return row;
        }
        const select = roleSelect(member.role, `Role of ${member.name || member.user}`);
        select.addEventListener('change', async () => {
            try {
                await api(`${path}/members/${encodeURIComponent(member.user)}`, { method: 'PUT', json: { role: select.value } });
                say(`${member.name || member.user} is ${select.value} now.`);
            } catch (e) {
                select.value = member.role;
                showError(e);
            }
        });
        const remove = element('button', { type: 'button', className: 'member-remove secondary', textContent: 'Remove' });
        remove.setAttribute('aria-label', `Remove ${member.name || member.user}`);
        remove.addEventListener('click', async () => {
            try {
                await api(`${path}/members/${encodeURIComponent(member.user)}`, { method: 'DELETE' });
                say(`${member.name || member.user} was removed.`);
                await loadMembers();
                members.tabIndex = -1; // the focus was on the row now gone: the list takes it
                members.focus();
            } catch (e) {
                showError(e);
            }
        });
        row.append(...(creator ? [] : [select]), remove);
        return row;
    }

    const body = element('div', { className: 'share-body' });
    body.append(heading, element('h3', { textContent: 'People with access' }), members);

    if (owner) {
        const search = element('input', { type: 'search', id: 'share-search', autocomplete: 'off', maxLength: 64,
            placeholder: 'Name or user id' });
        const results = element('ul', { id: 'share-results', className: 'people-results' });
        results.setAttribute('aria-label', 'People found');
        const role = roleSelect('viewer', 'Role to give');
        role.id = 'share-role';
        const add = element('button', { type: 'submit', id: 'share-add', textContent: 'Add' });
        const form = element('form', { className: 'share-add' },
            element('label', { htmlFor: 'share-search', textContent: 'Add people' }),
            element('div', { className: 'row' }, search, role, add), results);
        let timer = 0;
        let asked = '';
        search.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const q = search.value.trim();
                asked = q;
                if (!q) { results.replaceChildren(); return; }
                try {
                    const people = await api(`api/people?q=${encodeURIComponent(q)}&limit=8`);
                    if (asked !== q) return;
                    results.replaceChildren(...people.map((p) => {
                        const pick = element('button', { type: 'button', className: 'link', textContent: p.name === p.user ? p.user : `${p.name} (${p.user})` });
                        pick.dataset.user = p.user;
                        pick.addEventListener('click', () => { search.value = p.user; results.replaceChildren(); role.focus(); });
                        return element('li', {}, pick);
                    }));
                    if (!people.length) results.append(element('li', { className: 'muted', textContent: 'Nobody found by that name.' }));
                } catch (e) {
                    showError(e);
                }
            }, 200);
        });
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const user = search.value.trim();
            if (!user) { showError(new Error('Type a name or user id, then pick the person.')); search.focus(); return; }
            add.disabled = true;
            try {
                await api(`${path}/members/${encodeURIComponent(user)}`, { method: 'PUT', json: { role: role.value } });
                search.value = '';
                results.replaceChildren();
                say(`${user} is ${role.value} now.`);
                await loadMembers();
            } catch (e) {
                showError(e);
            } finally {
                add.disabled = false;
            }
        });
        body.append(form);
    }

    const link = element('select', { id: 'share-link' });
    for (const [value, text] of LINK) link.append(element('option', { value, textContent: text }));
    link.value = board.linkAccess || 'off';
    link.disabled = !owner;
    link.addEventListener('change', async () => {
        try {
            const updated = await api(`${path}/link`, { method: 'PUT', json: { access: link.value } });
            board.linkAccess = updated.linkAccess;
            say(link.value === 'off' ? 'Only the people listed can open the board.' : 'Link access is on.');
            onChange(updated);
        } catch (e) {
            link.value = board.linkAccess || 'off';
            showError(e);
        }
    });
    const copy = element('button', { type: 'button', id: 'share-copy', className: 'secondary', textContent: 'Copy link' });
    copy.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(boardLink(board.id));
            say('Link copied.');
        } catch {
            say(`The link: ${boardLink(board.id)}`);
        }
    });
    body.append(element('h3', { textContent: 'Link access' }),
        element('label', { htmlFor: 'share-link', textContent: 'Who can open the board by its link' }),
        element('div', { className: 'row' }, link, copy));

    const close = element('button', { type: 'button', id: 'share-close', className: 'secondary', textContent: 'Done' });
    body.append(note, error, element('div', { className: 'dialog-actions' }, close));

    const shown = element('dialog', { id: 'share-dialog', className: 'dialog' }, body);
    dialog = shown;
    shown.setAttribute('aria-labelledby', 'share-heading');
    close.addEventListener('click', () => shown.close());
    shown.addEventListener('keydown', keepTabInside);
    shown.addEventListener('close', () => {
        shown.remove();
        const back = returnTo && returnTo.isConnected ? returnTo : returnFocus();
        back?.focus();
    });
    document.body.append(shown);
    shown.showModal();
    try {
        await loadMembers();
    } catch (e) {
        showError(e);
    }
    return shown;
}
