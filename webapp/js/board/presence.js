// Who is here: the list of people in the header (names also label the cursors; a click follows: follow.js), and telling the others when this
// person is away (the tab hidden, or a minute without pointer or key) and back.
import { people } from './page.js';
import { connection } from './status.js';

export const names = new Map();      // user -> display name, from presence

export function showPeople(list) {
    list.forEach((person) => names.set(person.user, person.name));
    people.replaceChildren(...list.map((person) => {
        const item = document.createElement('li');
        const button = document.createElement('button'); // follow.js: a click follows their view
        button.type = 'button';
        button.textContent = person.name;
        button.title = `${person.name} (${person.state}): click to follow their view`;
        button.dataset.user = person.user;
        item.append(button);
        item.dataset.state = person.state;
        item.dataset.user = person.user;
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
