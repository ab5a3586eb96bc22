// Drawing, bounds and hit-testing of the shapes of a board, in board coordinates. Text is drawn with fillText:
// what people type is never interpreted. A sticky note's text is wrapped and sized to fit its box (noteLayout).
// A shape's `rotation` (degrees, clockwise) turns it about the centre of its unturned box (pivot).
// An image shape draws its asset's decoded picture, which the page provides (useImages), or a placeholder box.
// A line's or an arrow's `label` is drawn at its middle, upright, on a white ground (labelBox).

let imageSource = () => null;

/** Where image shapes get their pictures: `source(assetId)` is a drawable image, or null while none is ready. */
export function useImages(source) {
    imageSource = source;
}

/** [minX, minY, maxX, maxY] of the shape as drawn (turned, when it has a rotation), including its stroke. */
export function bounds(shape) {
    const box = unturnedBounds(shape);
    if (!shape.rotation) return box;
    const [cx, cy] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    const corners = [[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]]
        .map(([x, y]) => turn(x, y, cx, cy, shape.rotation));
    const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The point (x, y) turned by `degrees` (clockwise on screen) about (cx, cy). */
export function turn(x, y, cx, cy, degrees) {
    const a = degrees * Math.PI / 180, cos = Math.cos(a), sin = Math.sin(a);
    return [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos];
}

/** The point the shape turns about: the centre of its unturned box. */
export function pivot(shape) {
    const box = unturnedBounds(shape);
    return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/** [minX, minY, maxX, maxY] of the shape before its rotation, including its stroke. */
export function unturnedBounds(shape) {
    const p = shape.points;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i + 1 < p.length; i += 2) {
        x0 = Math.min(x0, p[i]); y0 = Math.min(y0, p[i + 1]);
        x1 = Math.max(x1, p[i]); y1 = Math.max(y1, p[i + 1]);
    }
    if (shape.label && (shape.kind === 'line' || shape.kind === 'arrow')) {
        const [lx0, ly0, lx1, ly1] = labelBox(shape);
        x0 = Math.min(x0, lx0); y0 = Math.min(y0, ly0);
        x1 = Math.max(x1, lx1); y1 = Math.max(y1, ly1);
    }
    if (shape.kind === 'text') {
        const size = shape.width || 16;
        const lines = String(shape.text || '').split('\n');
        x1 = Math.max(x1, x0 + size * 0.6 * Math.max(...lines.map((l) => l.length)));
        y1 = Math.max(y1, y0 + size * 1.25 * lines.length);
    }
    const pad = (shape.width || 2) / 2 + 2;
    return [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
}

export function drawShape(ctx, shape) {
    const p = shape.points;
    if (!p || p.length < 2) return;
    ctx.save();
    if (shape.rotation) {
        const [cx, cy] = pivot(shape);
        ctx.translate(cx, cy);
        ctx.rotate(shape.rotation * Math.PI / 180);
        ctx.translate(-cx, -cy);
    }
    ctx.globalAlpha = shape.opacity ?? 1;
    ctx.strokeStyle = shape.stroke || '#1e1e1e';
    ctx.fillStyle = shape.fill || 'transparent';
    ctx.lineWidth = shape.width || 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    switch (shape.kind) {
        case 'pen': pen(ctx, p); break;
        case 'line': line(ctx, p); break;
        case 'arrow': line(ctx, p); arrowHead(ctx, p, shape.width || 2); break;
        case 'rectangle': rectangle(ctx, p, shape.fill); break;
        case 'ellipse': ellipse(ctx, p, shape.fill); break;
        case 'text': text(ctx, shape); break;
        case 'note': note(ctx, shape); break;
        case 'image': image(ctx, shape); break;
        default: break;
    }
    ctx.restore();
    if (shape.label && (shape.kind === 'line' || shape.kind === 'arrow')) label(ctx, shape);
}

export const LABEL_SIZE = 14;

/** The box of a connector's label, [x0, y0, x1, y1] about the middle of its points (which a rotation keeps). */
export function labelBox(shape) {
    const p = shape.points;
    const [cx, cy] = [(p[0] + p[2]) / 2, (p[1] + p[3]) / 2];
    const w = LABEL_SIZE * 0.6 * String(shape.label).length + 8, h = LABEL_SIZE * 1.25 + 4;
    return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

function label(ctx, shape) {
    const [x0, y0, x1, y1] = labelBox(shape);
    ctx.save();
    ctx.globalAlpha = shape.opacity ?? 1;
    ctx.font = `${LABEL_SIZE}px system-ui, sans-serif`;
    const w = Math.min(x1 - x0, ctx.measureText(shape.label).width + 8);
    const cx = (x0 + x1) / 2;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.fillRect(cx - w / 2, y0, w, y1 - y0);
    ctx.fillStyle = shape.stroke || '#1e1e1e';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(shape.label, cx, (y0 + y1) / 2);
    ctx.restore();
}

function pen(ctx, p) {
    ctx.beginPath();
    ctx.moveTo(p[0], p[1]);
    if (p.length === 2) {
        ctx.lineTo(p[0] + 0.01, p[1]);
    }
    // smoothed: quadratic curves through the midpoints of the recorded points
    for (let i = 2; i + 3 < p.length; i += 2) {
        ctx.quadraticCurveTo(p[i], p[i + 1], (p[i] + p[i + 2]) / 2, (p[i + 1] + p[i + 3]) / 2);
    }
    if (p.length >= 4) ctx.lineTo(p[p.length - 2], p[p.length - 1]);
    ctx.stroke();
}

function line(ctx, p) {
    ctx.beginPath();
    ctx.moveTo(p[0], p[1]);
    ctx.lineTo(p[2] ?? p[0], p[3] ?? p[1]);
    ctx.stroke();
}

function arrowHead(ctx, p, width) {
    const angle = Math.atan2(p[3] - p[1], p[2] - p[0]);
    const size = 8 + width * 2;
    ctx.beginPath();
    ctx.moveTo(p[2], p[3]);
    ctx.lineTo(p[2] - size * Math.cos(angle - 0.45), p[3] - size * Math.sin(angle - 0.45));
    ctx.moveTo(p[2], p[3]);
    ctx.lineTo(p[2] - size * Math.cos(angle + 0.45), p[3] - size * Math.sin(angle + 0.45));
    ctx.stroke();
}

function rectangle(ctx, p, fill) {
    const x = Math.min(p[0], p[2]), y = Math.min(p[1], p[3]);
    const w = Math.abs(p[2] - p[0]), h = Math.abs(p[3] - p[1]);
    if (fill) ctx.fillRect(x, y, w, h);
    ctx.strokeRect(x, y, w, h);
}

function ellipse(ctx, p, fill) {
    ctx.beginPath();
    ctx.ellipse((p[0] + p[2]) / 2, (p[1] + p[3]) / 2, Math.abs(p[2] - p[0]) / 2, Math.abs(p[3] - p[1]) / 2, 0, 0, 2 * Math.PI);
    if (fill) ctx.fill();
    ctx.stroke();
}

/** The box an image fills: [x, y, width, height], whichever corners its points are. */
export function imageBox(shape) {
    const p = shape.points;
    return [Math.min(p[0], p[2]), Math.min(p[1], p[3]), Math.abs(p[2] - p[0]), Math.abs(p[3] - p[1])];
}

function image(ctx, shape) {
    const [x, y, w, h] = imageBox(shape);
    const picture = shape.asset ? imageSource(shape.asset) : null;
    if (picture) {
        ctx.drawImage(picture, x, y, w, h);
        return;
    }
    ctx.fillStyle = '#f1f3f5'; // not loaded (yet): a grey box where it goes
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = '#adb5bd';
    ctx.lineWidth = 1;
    ctx.strokeRect(x, y, w, h);
}

function text(ctx, shape) {
    const size = shape.width || 16;
    ctx.fillStyle = shape.stroke || '#1e1e1e';
    ctx.font = `${size}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    String(shape.text || '').split('\n').forEach((row, i) => ctx.fillText(row, shape.points[0], shape.points[1] + i * size * 1.25));
}

export const NOTE_FONT = 'system-ui, sans-serif';
const NOTE_MAX_SIZE = 40;
const NOTE_MIN_SIZE = 6;
let measurer = null;
const layouts = new WeakMap(); // shape -> layout; shapes are never changed in place

/** A note's box: [x, y, width, height], and the padding around its text. */
export function noteBox(shape) {
    const p = shape.points;
    const x = Math.min(p[0], p[2] ?? p[0]), y = Math.min(p[1], p[3] ?? p[1]);
    const w = Math.abs((p[2] ?? p[0]) - p[0]), h = Math.abs((p[3] ?? p[1]) - p[1]);
    return { x, y, w, h, pad: Math.max(4, Math.min(16, Math.min(w, h) * 0.08)) };
}

/**
 * How a note's text is drawn: the largest font size (6–40) at which its text, wrapped at spaces (and inside
 * words too long for a line, only when no size keeps them whole), fits the box; {size, lines, box}. Lines are
 * strings, drawn top-down from the padded corner, `size * 1.25` apart.
 */
export function noteLayout(shape) {
    let layout = layouts.get(shape);
    if (layout) return layout;
    const box = noteBox(shape);
    const width = Math.max(1, box.w - 2 * box.pad), height = Math.max(1, box.h - 2 * box.pad);
    measurer = measurer || document.createElement('canvas').getContext('2d');
    const text = String(shape.text || '');
    let size = Math.max(NOTE_MIN_SIZE, Math.min(NOTE_MAX_SIZE, Math.floor(height / 1.25)));
    let lines = wrap(text, size, width);
    while (size > NOTE_MIN_SIZE && (lines.length * size * 1.25 > height || lines.tooWide)) {
        size = Math.max(NOTE_MIN_SIZE, Math.floor(size * 0.9));
        lines = wrap(text, size, width);
    }
    layout = { size, lines, box };
    layouts.set(shape, layout);
    return layout;
}

function wrap(text, size, width) {
    measurer.font = `${size}px ${NOTE_FONT}`;
    const fits = (t) => measurer.measureText(t).width <= width;
    const lines = [];
    for (const paragraph of text.split('\n')) {
        let line = '';
        for (const word of paragraph.split(/(?<=\s)/)) { // words with their trailing space
            if (fits(line + word.trimEnd())) { line += word; continue; }
            if (line) lines.push(line.trimEnd());
            line = '';
            let rest = word;
            while (!fits(rest.trimEnd()) && rest.length > 1) { // a word wider than the line is broken
                let lo = 1, hi = rest.length - 1; // the longest start that fits, at least one character
                while (lo < hi) {
                    const mid = Math.ceil((lo + hi) / 2);
                    if (fits(rest.slice(0, mid))) lo = mid; else hi = mid - 1;
                }
                const n = lo;
                lines.push(rest.slice(0, n));
                lines.tooWide = true; // a smaller size may keep the word whole
                rest = rest.slice(n);
            }
            line = rest;
        }
        lines.push(line.trimEnd());
    }
    return lines;
}

function note(ctx, shape) {
    const { size, lines, box } = noteLayout(shape);
    ctx.fillStyle = shape.fill || '#ffd43b';
    ctx.fillRect(box.x, box.y, box.w, box.h);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.08)'; // a fold of shade along the bottom
    ctx.fillRect(box.x, box.y + box.h - Math.min(6, box.h / 10), box.w, Math.min(6, box.h / 10));
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.w, box.h);
    ctx.clip(); // text that cannot fit even at the smallest size stays inside the note
    ctx.fillStyle = shape.stroke || '#1e1e1e';
    ctx.font = `${size}px ${NOTE_FONT}`;
    ctx.textBaseline = 'top';
    lines.forEach((row, i) => ctx.fillText(row, box.x + box.pad, box.y + box.pad + i * size * 1.25));
}

/** Whether (x, y) is on the shape, within `tolerance` board units. */
export function hitTest(shape, x, y, tolerance) {
    if (shape.rotation) {
        const [cx, cy] = pivot(shape);
        [x, y] = turn(x, y, cx, cy, -shape.rotation);
    }
    const [x0, y0, x1, y1] = unturnedBounds(shape);
    if (x < x0 - tolerance || x > x1 + tolerance || y < y0 - tolerance || y > y1 + tolerance) return false;
    const p = shape.points;
    const reach = tolerance + (shape.width || 2) / 2;
    if (shape.kind === 'text' || shape.kind === 'note' || shape.kind === 'image' || ((shape.kind === 'rectangle' || shape.kind === 'ellipse') && shape.fill)) return true;
    if (shape.kind === 'rectangle') {
        const corners = [p[0], p[1], p[2], p[1], p[2], p[3], p[0], p[3], p[0], p[1]];
        return nearPolyline(corners, x, y, reach);
    }
    if (shape.kind === 'ellipse') {
        const rx = Math.abs(p[2] - p[0]) / 2 || 1, ry = Math.abs(p[3] - p[1]) / 2 || 1;
        const d = Math.hypot((x - (p[0] + p[2]) / 2) / rx, (y - (p[1] + p[3]) / 2) / ry);
        return Math.abs(d - 1) * Math.min(rx, ry) <= reach;
    }
    return nearPolyline(p.length === 2 ? [p[0], p[1], p[0], p[1]] : p, x, y, reach);
}

function nearPolyline(p, x, y, reach) {
    for (let i = 0; i + 3 < p.length; i += 2) {
        if (segmentDistance(x, y, p[i], p[i + 1], p[i + 2], p[i + 3]) <= reach) return true;
    }
    return false;
}

function segmentDistance(px, py, ax, ay, bx, by) {
    const dx = bx - ax, dy = by - ay;
    const length = dx * dx + dy * dy;
    const t = length ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
