// Following a view: each editor and owner tells the board's group where it looks (`view`: the board point at the
// centre of its canvas and the zoom; at most 10 a second, only when it changed, and again when someone joins).
// A click on a person in the header follows their view until this person pans or zooms (or presses Stop, or they
// leave); an owner's "Bring everyone" (`summon`) moves everyone's view to theirs once. Viewers cannot send to the
// group: they follow and are brought, but nobody can follow them.
import { api } from '../api.js';
import { boardId, people, showMessage } from './page.js';
import { state } from './scene.js';
import { connection } from './status.js';
import { names } from './presence.js';
import { centreOn, viewCentre } from './view.js';

const views = new Map();      // user -> {x, y, scale}: where they look, from their `view` messages
// whom this page follows (null: nobody); for the tests, the views heard and how many summons were refused
export const follow = { user: null, views, refused: 0 };
let applied = null;           // state.view as following last set it: anything else means this person moved
let lastSent = '';
const indicator = document.getElementById('following');
const summonButton = document.getElementById('summon');

const valid = (d) => d && [d.x, d.y, d.scale].every(Number.isFinite) && Math.abs(d.x) <= 1e7 && Math.abs(d.y) <= 1e7
    && d.scale > 0 && d.scale <= 100;

function moved() {
    return applied && (state.view.x !== applied.x || state.view.y !== applied.y || state.view.scale !== applied.scale);
}

function show(view) {
    centreOn(view.x, view.y, view.scale);
    applied = { ...state.view };
}

export function startFollowing(user) {
    if (!user || (connection && connection.negotiated && user === connection.negotiated.userId)) return;
    follow.user = user;
    applied = { ...state.view };
    if (views.has(user)) show(views.get(user));
    showIndicator();
}

export function stopFollowing() {
    follow.user = null;
    applied = null;
    showIndicator();
}

/** Shows whom this page follows (the indicator, and the pressed person in the header). */
export function showIndicator() {
    const listed = [...people.querySelectorAll('button[data-user]')];
    if (follow.user && !listed.some((b) => b.dataset.user === follow.user)) {
        stopFollowing(); // they left
        return;
    }
    indicator.hidden = !follow.user;
    if (follow.user) {
        indicator.querySelector('[data-follow="name"]').textContent = names.get(follow.user) || follow.user;
        indicator.dataset.user = follow.user;
    }
    listed.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.user === follow.user)));
}

/** Someone's `view` message: kept, and shown if this page follows them (unless this person has moved meanwhile). */
export function peerView(from, data) {
    if (!valid(data)) return;
    const view = { x: data.x, y: data.y, scale: data.scale };
    views.set(from, view);
    if (follow.user !== from) return;
    if (moved()) stopFollowing(); else show(view);
}

/**
 * An owner's `summon`: this page goes to their view once (only if the app says the sender is an owner: by a grant of
 * their own, a group's, or as an administrator).
 */
export async function peerSummon(from, data) {
    if (!valid(data)) return;
    const sender = await api(`api/boards/${encodeURIComponent(boardId)}/members/${encodeURIComponent(from)}`,
        { noSignInRedirect: true }).catch(() => null);
    if (!sender || sender.role !== 'owner') {
        follow.refused += 1;
        return;
    }
    stopFollowing();
    centreOn(data.x, data.y, data.scale);
    showMessage(`${names.get(from) || from} brought everyone to their view.`);
}

/** Someone joined: they learn where everyone looks with the next tick. */
export function viewWanted() {
    lastSent = '';
}

setInterval(() => {
    if (follow.user && moved()) stopFollowing(); // this person panned or zoomed: following stops
    if (!connection || state.role === 'viewer' || document.hidden) return;
    const c = viewCentre();
    const view = { x: Math.round(c.x), y: Math.round(c.y), scale: Math.round(c.scale * 1000) / 1000 };
    const key = JSON.stringify(view);
    if (key === lastSent) return;
    lastSent = key;
    connection.publish({ type: 'view', ...view });
}, 100);

people.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-user]');
    if (!button) return;
    if (follow.user === button.dataset.user) stopFollowing(); else startFollowing(button.dataset.user);
});
indicator.querySelector('[data-follow="stop"]').addEventListener('click', stopFollowing);
summonButton.addEventListener('click', () => {
    const c = viewCentre();
    connection.publish({ type: 'summon', x: Math.round(c.x), y: Math.round(c.y), scale: Math.round(c.scale * 1000) / 1000 });
});
