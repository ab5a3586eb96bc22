// The board menu (the "⋯" button at the toolbar's end): exports, import, background, theme and clearing the board.
// A menu button as WAI-ARIA describes it: Enter, Space or ArrowDown open it on the first item (ArrowUp: the last),
// the arrow keys, Home and End move between the items, Escape closes it and gives the focus back to the button, Tab
// and a click outside close it; choosing an item closes it too. What the items do is controls.js's (the file
// inputs stay hidden: the Import and Background items open their file pickers) and theme.js's.

const button = document.getElementById('board-menu-button');
const menu = document.getElementById('board-menu');

function items() {
    return [...menu.querySelectorAll('[role^="menuitem"]')].filter((item) => item.offsetParent !== null);
}

export function openMenu(focusLast = false) {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const all = items();
    if (all.length) all[focusLast ? all.length - 1 : 0].focus();
}

export function closeMenu(returnFocus = true) {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
}

button.addEventListener('click', () => (menu.hidden ? openMenu() : closeMenu()));
button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        openMenu(event.key === 'ArrowUp');
    }
});

menu.addEventListener('keydown', (event) => {
    const all = items();
    const at = all.indexOf(document.activeElement);
    const go = (i) => { event.preventDefault(); all[(i + all.length) % all.length].focus(); };
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); closeMenu(); }
    else if (event.key === 'Tab') closeMenu(false);
});

// an item chosen closes the menu (here, as the click bubbles up: its own handler ran, the exports, the file pickers)
menu.addEventListener('click', (event) => {
    if (event.target.closest('[role^="menuitem"]')) closeMenu();
});

document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !menu.contains(event.target) && !button.contains(event.target)) closeMenu(false);
});

document.getElementById('import-json-button').addEventListener('click', () => document.getElementById('import-json').click());
document.getElementById('background-button').addEventListener('click', () => document.getElementById('background').click());
