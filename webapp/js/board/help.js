// The keyboard-shortcut sheet: `?` (where nothing is being typed) or the toolbar's keyboard button opens it, a modal
// <dialog> (the page behind it is inert, so the focus stays inside); Escape or Close closes it and the focus goes
// back where it was. The sheet's text is in board.html: keep it in step with controls.js, arrange.js, clipboard.js
// and the tools' keys (tools/*.js).

const sheet = document.getElementById('shortcuts');
const helpButton = document.getElementById('help-button');
let opener = null;

export function openShortcuts() {
    if (sheet.open) return;
    opener = document.activeElement;
    sheet.showModal();
    document.getElementById('shortcuts-close').focus();
}

sheet.addEventListener('close', () => {
    const back = opener && opener.isConnected ? opener : helpButton;
    opener = null;
    back.focus();
});
document.getElementById('shortcuts-close').addEventListener('click', () => sheet.close());
// Tab and Shift+Tab go round the sheet's own controls (a modal dialog would otherwise let the focus out to the
// browser's address bar)
sheet.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...sheet.querySelectorAll('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter((el) => !el.disabled && el.offsetParent !== null);
    if (!focusable.length) return;
    const first = focusable[0], last = focusable[focusable.length - 1];
    if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
    }
});
sheet.addEventListener('click', (event) => { if (event.target === sheet) sheet.close(); }); // the backdrop
helpButton.addEventListener('click', openShortcuts);

window.addEventListener('keydown', (event) => {
    if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || t.isContentEditable) return;
    event.preventDefault();
    openShortcuts();
});
