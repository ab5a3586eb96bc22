// Board thumbnails on the boards home: drawn in the browser from the board's shapes (the same drawing code as the
// board page), only once a card is on screen, two boards at a time, and kept per board version for the session
// (sessionStorage), so that coming back is instant and a changed board is drawn again. Never blocks the page: the
// card shows a blank preview until its picture is ready, and a board that cannot be drawn stays blank.
import { api } from '../api.js';
import { bounds, drawShape } from '../shapes.js';

const WIDTH = 240;
const HEIGHT = 135;
const AT_ONCE = 2;
const queue = [];
let running = 0;

const observer = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
        if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            entry.target.load();
        }
    }
}, { rootMargin: '200px' }) : null;

function cached(key) {
    try { return sessionStorage.getItem(key); } catch { return null; }
}

function keep(key, url) {
    try { sessionStorage.setItem(key, url); } catch { /* full: drawn again next time */ }
}

function next() {
    while (running < AT_ONCE && queue.length) {
        const job = queue.shift();
        running++;
        job().finally(() => { running--; next(); });
    }
}

/** The picture of a diagram's shapes, fitted into the thumbnail; a data: URL. */
function draw(diagram) {
    const canvas = document.createElement('canvas');
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = diagram.board.backgroundColor || '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const shapes = diagram.shapes;
    if (shapes.length) {
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (const shape of shapes) {
            const [a, b, c, d] = bounds(shape);
            x0 = Math.min(x0, a); y0 = Math.min(y0, b); x1 = Math.max(x1, c); y1 = Math.max(y1, d);
        }
        const scale = Math.min(WIDTH / Math.max(1, x1 - x0), HEIGHT / Math.max(1, y1 - y0), 1) * 0.9 * ratio;
        ctx.translate((canvas.width - (x1 - x0) * scale) / 2, (canvas.height - (y1 - y0) * scale) / 2);
        ctx.scale(scale, scale);
        ctx.translate(-x0, -y0);
        for (const shape of shapes) drawShape(ctx, shape);
    }
    return canvas.toDataURL('image/png');
}

/** The preview element of a board's card: filled in once it scrolls into view. */
export function thumbnail(board) {
    const box = document.createElement('div');
    box.className = 'thumb';
    box.setAttribute('aria-hidden', 'true');
    const key = `whiteboard.thumb.${board.id}.${board.version}`;
    const show = (url) => {
        const img = document.createElement('img');
        img.alt = '';
        img.src = url;
        box.replaceChildren(img);
        box.dataset.ready = 'true';
    };
    const known = cached(key);
    if (known) {
        show(known);
        return box;
    }
    box.load = () => {
        queue.push(async () => {
            try {
                const url = draw(await api(`api/boards/${encodeURIComponent(board.id)}/diagram`));
                keep(key, url);
                show(url);
            } catch {
                box.dataset.ready = 'failed';
            }
        });
        next();
    };
    if (observer) observer.observe(box); else box.load();
    return box;
}
