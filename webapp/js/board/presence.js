// Who is here: the list of people in the header (names also label the cursors), and telling the others when this
// person is away (the tab hidden, or a minute without pointer or key) and back.
import { people } from './page.js';
import { connection } from './status.js';

export const names = new Map();      // user -> display name, from presence

export function showPeople(list) {
    list.forEach((person) => names.set(person.user, person.name));
    people.replaceChildren(...list.map((person) => {
        const item = document.createElement('li');
        item.textContent = person.name;
        item.title = `${person.name} (${person.state})`;
        item.dataset.state = person.state;
        return item;
    }));
}

let away = false;
function reportPresence(nowAway) {
    if (nowAway !== away && connection) {
        away = nowAway;
        connection.send('presence', { state: away ? 'away' : 'active' }).catch(() => {});
    }
}
document.addEventListener('visibilitychange', () => reportPresence(document.hidden));
let idleTimer = setTimeout(() => reportPresence(true), 60_000);
['pointermove', 'keydown'].forEach((type) => window.addEventListener(type, () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => reportPresence(true), 60_000);
    if (!document.hidden) reportPresence(false);
}));
