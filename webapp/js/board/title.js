// The board page's title and Share button: owners rename the board in place (click the title, or Enter on it:
// Enter saves, Escape gives it back) and open the share dialog (js/share.js); everyone else sees who has access.
import { api } from '../api.js';
import { openShareDialog } from '../share.js';
import { boardId, showMessage } from './page.js';
import { state } from './scene.js';

const heading = document.getElementById('board-title');
const shareButton = document.getElementById('share');
const path = `api/boards/${encodeURIComponent(boardId)}`;

/** Shows the board's title (loaded, or renamed by an owner anywhere); an edit in progress here is left alone. */
export function showTitle(title) {
    document.title = `${title} · Whiteboard`;
    if (!heading.querySelector('form')) heading.textContent = title;
}

function rename() {
    if (state.role !== 'owner' || heading.querySelector('form')) return;
    const old = heading.textContent;
    const form = document.createElement('form');
    form.className = 'rename-form';
    const input = document.createElement('input');
    input.type = 'text';
    input.id = 'title-input';
    input.maxLength = 120;
    input.value = old;
    input.setAttribute('aria-label', 'New title');
    form.append(input);
    heading.replaceChildren(form);
    input.focus();
    input.select();
    let done = false;
    const back = (title) => {
        if (done) return;
        done = true;
        heading.replaceChildren();
        showTitle(title);
        heading.focus();
    };
    input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); back(old); } });
    input.addEventListener('blur', () => { if (input.value.trim() === old) back(old); });
    form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (!input.value.trim()) { showMessage('Give the board a title.'); return; }
        try {
            const board = await api(path, { method: 'PATCH', json: { title: input.value } });
            back(board.title);
        } catch (err) {
            showMessage(err.message);
        }
    });
}

heading.tabIndex = 0;
heading.title = 'Owners rename the board here';
heading.addEventListener('click', rename);
heading.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target === heading) { e.preventDefault(); rename(); }
});

shareButton.hidden = false;
shareButton.addEventListener('click', async () => {
    try {
        const board = await api(path);
        await openShareDialog(board);
    } catch (e) {
        showMessage(e.message);
    }
});
