// What leaves and enters the board as files: the PNG image and SVG drawing of the board (or of the version being
// previewed: what is shown is what is exported; history/preview.js) (images embedded), its
// shapes as JSON (an image with the app-relative URL of its asset), and the import of such a JSON export (new ids,
// so nothing on this board is overwritten; images fetched from their URL and uploaded to this board). Imported
// connectors keep their bindings to shapes imported with them (new ids); a binding to an image, which arrives only
// once its asset is uploaded, or to a shape not in the file, is dropped.
import { bounds, noteLayout, pivot, imageBox, NOTE_FONT } from '../shapes.js';
import { showMessage } from './page.js';
import { visibleShapes, shownBackgroundColor } from './scene.js';
import { newId, wire, change } from './changes.js';
import { paintShapes } from './render.js';
import { imageOf, assetPath, uploadAsset } from './images.js';
import { remapped } from './connectors.js';

/** The board's shapes as a PNG image (a Blob), cropped to what is drawn; null when the board is empty. */
export function renderPng() {
    const shapes = visibleShapes();
    if (!shapes.length) {
        return Promise.resolve(null);
    }
    const box = shapes.map(bounds).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    const margin = 20;
    const width = Math.min(8000, Math.ceil(box[2] - box[0] + 2 * margin));
    const height = Math.min(8000, Math.ceil(box[3] - box[1] + 2 * margin));
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const target = out.getContext('2d');
    target.fillStyle = shownBackgroundColor() || '#ffffff';
    target.fillRect(0, 0, width, height);
    target.translate(margin - box[0], margin - box[1]);
    paintShapes(target, [box[0] - margin, box[1] - margin, box[0] - margin + width, box[1] - margin + height]);
    return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

export async function exportPng(suffix = '') {
    const blob = await renderPng();
    if (!blob) {
        showMessage('The board is empty.');
        return;
    }
    download(blob, 'image/png', 'png', suffix);
}

/** The board's shapes as a JSON document other boards can import. */
export function exportJson() {
    const shapes = visibleShapes().map((s) => (s.kind === 'image' ? { ...wire(s), source: assetPath(s.asset) } : wire(s)));
    return JSON.stringify({ format: 'whiteboard', version: 1, shapes }, null, 1);
}

/**
 * Adds the shapes of a JSON export to this board (new ids, so nothing here is overwritten); returns how many. Images
 * follow once their asset is fetched (from this app: `source`, as the export wrote it) and stored on this board.
 */
export function importJson(text) {
    let document;
    try {
        document = JSON.parse(text);
    } catch {
        throw new Error('this file is not JSON');
    }
    if (!document || document.format !== 'whiteboard' || !Array.isArray(document.shapes)) {
        throw new Error('this is not a whiteboard export');
    }
    const kinds = new Set(['pen', 'line', 'arrow', 'rectangle', 'ellipse', 'text', 'note', 'image']);
    const idMap = new Map();
    const all = document.shapes
        .filter((s) => s && kinds.has(s.kind) && Array.isArray(s.points) && s.points.every(Number.isFinite))
        .map(({ source, ...s }) => {
            const id = newId();
            if (typeof s.id === 'string' && s.kind !== 'image') idMap.set(s.id, id);
            return { shape: { ...s, id, z: undefined }, source };
        });
    const shapes = remapped(all.filter((s) => s.shape.kind !== 'image').map((s) => s.shape), idMap);
    for (let i = 0; i < shapes.length; i += 500) {
        change(shapes.slice(i, i + 500), []);
    }
    const images = all.filter((s) => s.shape.kind === 'image');
    if (images.length) importImages(images);
    return shapes.length + images.length;
}

/** Fetches each image's asset from where the export says it is (inside this app only) and puts it on this board. */
async function importImages(images) {
    let failed = 0;
    for (const { shape, source } of images) {
        try {
            const url = new URL(typeof source === 'string' ? source : assetPath(shape.asset), document.baseURI);
            const base = new URL('api/boards/', document.baseURI);
            if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) throw new Error('not from this app');
            const response = await fetch(url, { headers: { 'X-Requested-With': 'fetch' } });
            if (!response.ok) throw new Error(`${response.status}`);
            const asset = await uploadAsset(await response.blob());
            change([{ ...shape, asset: asset.id }], []);
        } catch {
            failed++;
        }
    }
    if (failed) showMessage(`${failed} image(s) could not be imported (only from boards of this app you may view).`);
}

/** An image as SVG: its picture embedded as a data URL (a grey box while it has not loaded). */
function svgImage(s) {
    const [x, y, w, h] = imageBox(s);
    const picture = imageOf(s.asset);
    if (!picture) return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#f1f3f5" stroke="#adb5bd"/>`;
    const out = window.document.createElement('canvas');
    out.width = picture.naturalWidth;
    out.height = picture.naturalHeight;
    out.getContext('2d').drawImage(picture, 0, 0);
    return `<image x="${x}" y="${y}" width="${w}" height="${h}" opacity="${s.opacity ?? 1}" preserveAspectRatio="none"`
        + ` href="${out.toDataURL('image/png')}"/>`;
}

function svgEscape(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A note as SVG: its square, and its text wrapped and sized as on the canvas, one <tspan> a line. */
function svgNote(s) {
    const { size, lines, box } = noteLayout(s);
    const rows = lines.map((row, i) => `<tspan x="${box.x + box.pad}" y="${box.y + box.pad + i * size * 1.25}">${svgEscape(row)}</tspan>`).join('');
    return `<g opacity="${s.opacity ?? 1}"><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" fill="${svgEscape(s.fill || '#ffd43b')}"/>`
        + `<text font-size="${size}" font-family="${NOTE_FONT}" dominant-baseline="hanging" xml:space="preserve"`
        + ` fill="${svgEscape(s.stroke || '#1e1e1e')}">${rows}</text></g>`;
}

/** The board as an SVG drawing (text escaped: what people typed stays text). */
export function exportSvg() {
    const shapes = visibleShapes();
    const box = shapes.length ? shapes.map(bounds).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]),
        Math.max(a[2], b[2]), Math.max(a[3], b[3])]) : [0, 0, 100, 100];
    const attrs = (s) => `stroke="${svgEscape(s.stroke || '#1e1e1e')}" stroke-width="${s.width || 2}" fill="${svgEscape(s.fill || 'none')}"`
        + ` opacity="${s.opacity ?? 1}" stroke-linecap="round" stroke-linejoin="round"`;
    const body = shapes.map((s) => {
        if (!s.rotation) return svgShape(s, attrs);
        const [cx, cy] = pivot(s);
        return `<g transform="rotate(${s.rotation} ${cx} ${cy})">${svgShape(s, attrs)}</g>`;
    }).join('\n');
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box[0]} ${box[1]} ${box[2] - box[0]} ${box[3] - box[1]}">\n`
        + `<rect x="${box[0]}" y="${box[1]}" width="${box[2] - box[0]}" height="${box[3] - box[1]}" fill="${svgEscape(shownBackgroundColor() || '#ffffff')}"/>\n`
        + `${body}\n</svg>\n`;
}

/** One shape as an SVG element, unturned. */
function svgShape(s, attrs) {
    const p = s.points;
    switch (s.kind) {
        case 'pen': return `<polyline points="${p.join(' ')}" ${attrs({ ...s, fill: null })}/>`;
        case 'line': case 'arrow': return `<line x1="${p[0]}" y1="${p[1]}" x2="${p[2]}" y2="${p[3]}" ${attrs(s)}/>`
            + (s.label ? `<text x="${(p[0] + p[2]) / 2}" y="${(p[1] + p[3]) / 2}" font-size="14" text-anchor="middle"`
                + ` dominant-baseline="middle" fill="${svgEscape(s.stroke || '#1e1e1e')}">${svgEscape(s.label)}</text>` : '');
        case 'rectangle': return `<rect x="${Math.min(p[0], p[2])}" y="${Math.min(p[1], p[3])}" width="${Math.abs(p[2] - p[0])}"`
            + ` height="${Math.abs(p[3] - p[1])}" ${attrs(s)}/>`;
        case 'ellipse': return `<ellipse cx="${(p[0] + p[2]) / 2}" cy="${(p[1] + p[3]) / 2}" rx="${Math.abs(p[2] - p[0]) / 2}"`
            + ` ry="${Math.abs(p[3] - p[1]) / 2}" ${attrs(s)}/>`;
        case 'text': return `<text x="${p[0]}" y="${p[1]}" font-size="${s.width || 16}" dominant-baseline="hanging"`
            + ` fill="${svgEscape(s.stroke || '#1e1e1e')}">${svgEscape(s.text || '')}</text>`;
        case 'note': return svgNote(s);
        case 'image': return svgImage(s);
        default: return '';
    }
}

/** Saves `content` as a file named after the board (and `suffix`, e.g. which version it is). */
export function download(content, type, extension, suffix = '') {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
    link.download = `${document.getElementById('board-title').textContent || 'board'}${suffix}.${extension}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
