// The laser pointer (K): while the pointer is down, a red trail that fades over a second, here and for everyone
// else on the board (sent peer to peer as `laser` messages, at most 20 a second, each with the new points only).
// Nothing is stored and no change is made. Viewers cannot send to the board's group, so they do not get the tool.
import { state, invalidate } from '../scene.js';
import { connection } from '../status.js';
import { defineTool } from '../tools.js';

export const FADE_MS = 1_000;
const MAX_POINTS = 200;           // in one message, and what a trail keeps
const MAX_TRAILS = 50;

/** key ('' for this page, else the sender's user id) -> [{x, y, at, start}] (board units; `start`: a new stroke) */
export const trails = new Map();
let pending = [];                 // points not yet sent
let lastPublish = 0;

function addPoint(key, x, y, start) {
    let trail = trails.get(key);
    if (!trail) {
        if (trails.size >= MAX_TRAILS) return;
        trail = [];
        trails.set(key, trail);
    }
    trail.push({ x, y, at: Date.now(), start });
    if (trail.length > MAX_POINTS) trail.splice(0, trail.length - MAX_POINTS);
    invalidate();
}

function publish(end) {
    if (!connection || (!pending.length && !end)) return;
    lastPublish = performance.now();
    connection.publish(end ? { type: 'laser', points: pending, end: true } : { type: 'laser', points: pending });
    pending = [];
}

const laser = {
    cursor: 'crosshair',
    start(x, y) {
        if (state.role === 'viewer') return null;
        addPoint('', x, y, true);
        pending = [Math.round(x), Math.round(y)];
        publish(false);
        return { laser: true, x, y };
    },
    move(drawing, x, y) {
        if (Math.hypot(x - drawing.x, y - drawing.y) * state.view.scale < 2) return;
        drawing.x = x;
        drawing.y = y;
        addPoint('', x, y, false);
        pending.push(Math.round(x), Math.round(y));
        if (pending.length >= MAX_POINTS || performance.now() - lastPublish > 50) publish(false);
    },
    finish() {
        publish(true);
    },
};

defineTool('laser', 'k', laser);

/** Someone else's laser: `points` [x0, y0, x1, y1, …] continue their trail (a message after an `end` starts anew). */
export function peerLaser(from, data) {
    const points = data.points;
    if (!Array.isArray(points) || points.length > MAX_POINTS || points.length % 2 || !points.every(Number.isFinite)) return;
    const trail = trails.get(from);
    let start = !trail || !trail.length || trail.ended;
    for (let i = 0; i < points.length; i += 2) {
        addPoint(from, points[i], points[i + 1], start);
        start = false;
    }
    const now = trails.get(from);
    if (now) now.ended = data.end === true;
}

/** Draws the trails (render.js, over everything else), dropping what has faded; asks for frames while any remain. */
export function paintLaser(target, ratio) {
    if (!trails.size) return;
    const now = Date.now();
    const v = state.view;
    target.setTransform(ratio, 0, 0, ratio, 0, 0);
    target.lineCap = 'round';
    target.lineJoin = 'round';
    for (const [key, trail] of trails) {
        while (trail.length && now - trail[0].at > FADE_MS) trail.shift();
        if (!trail.length) { trails.delete(key); continue; }
        for (let i = 0; i < trail.length; i++) {
            const p = trail[i];
            const alpha = Math.max(0, 1 - (now - p.at) / FADE_MS);
            const px = p.x * v.scale + v.x, py = p.y * v.scale + v.y;
            target.strokeStyle = `rgba(250, 30, 30, ${alpha})`;
            target.fillStyle = target.strokeStyle;
            if (p.start || i === 0) {
                target.beginPath();
                target.arc(px, py, 3, 0, 2 * Math.PI);
                target.fill();
            } else {
                const q = trail[i - 1];
                target.lineWidth = 5;
                target.beginPath();
                target.moveTo(q.x * v.scale + v.x, q.y * v.scale + v.y);
                target.lineTo(px, py);
                target.stroke();
            }
        }
    }
    if (trails.size) invalidate();
}
