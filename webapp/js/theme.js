// The theme (light, dark, or the system's): a classic script in every page's <head>, so the page is painted in the
// chosen theme from the start. The choice is remembered in localStorage ('whiteboard.theme': light | dark; none =
// follow the system) and shown on <html data-theme>; css/tokens.css has the colours of both. Any
// <select data-theme-switch> and any [data-theme-choice] buttons (role menuitemradio) on the page switch it.
(function () {
    var KEY = 'whiteboard.theme';
    var root = document.documentElement;

    function stored() {
        try {
            var value = localStorage.getItem(KEY);
            return value === 'light' || value === 'dark' ? value : 'system';
        } catch (e) {
            return 'system';
        }
    }

    function show(choice) {
        if (choice === 'system') root.removeAttribute('data-theme');
        else root.setAttribute('data-theme', choice);
        document.querySelectorAll('select[data-theme-switch]').forEach(function (s) { s.value = choice; });
        document.querySelectorAll('[data-theme-choice]').forEach(function (b) {
            b.setAttribute('aria-checked', String(b.getAttribute('data-theme-choice') === choice));
        });
    }

    function choose(choice) {
        try {
            if (choice === 'system') localStorage.removeItem(KEY); else localStorage.setItem(KEY, choice);
        } catch (e) { /* private mode: this page only */ }
        show(choice);
    }

    show(stored());
    document.addEventListener('DOMContentLoaded', function () {
        show(stored());
        document.querySelectorAll('select[data-theme-switch]').forEach(function (s) {
            s.addEventListener('change', function () { choose(s.value); });
        });
        document.querySelectorAll('[data-theme-choice]').forEach(function (b) {
            b.addEventListener('click', function () { choose(b.getAttribute('data-theme-choice')); });
        });
    });
    window.addEventListener('storage', function (e) { if (e.key === KEY) show(stored()); }); // another tab
}());
