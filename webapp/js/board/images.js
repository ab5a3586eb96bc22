// Image shapes: the board's image assets, added from here (pasted, dropped on the canvas or picked with the Image
// button; made at most 2,048 pixels on the longer side in the browser and re-encoded before upload, then an image
// shape that shows the asset is put), and decoded once per asset for drawing (shapes.js asks through useImages).
// The app keeps each asset once per board by content; viewers add none (hidden here, refused by the app).
import { boardId, canvas, showMessage, opacityInput } from './page.js';
import { scene, state, invalidate } from './scene.js';
import { newId, change } from './changes.js';
import { toBoard } from './view.js';
import { useImages } from '../shapes.js';

const MAX_SIDE = 2048;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const decoded = new Map(); // asset id -> <img>, loading or loaded
let pointer = null; // where the pointer last was on the board: a paste lands there

/** The URL of one of this board's assets (or another board's), relative to the app. */
export function assetPath(asset, board = boardId) {
    return `api/boards/${encodeURIComponent(board)}/assets/${encodeURIComponent(asset)}`;
}

/** The decoded image of an asset, or null while it loads (the frame after it has loaded draws it). */
export function imageOf(asset) {
    let image = decoded.get(asset);
    if (!image) {
        image = new Image();
        image.onload = () => { scene.version++; invalidate(); }; // the cached layer is drawn again, with it
        image.src = new URL(assetPath(asset), document.baseURI).toString();
        decoded.set(asset, image);
    }
    return image.complete && image.naturalWidth ? image : null;
}
useImages(imageOf);

function toBlob(out, type, quality) {
    return new Promise((resolve) => out.toBlob(resolve, type, quality));
}

/** The picture made at most MAX_SIDE on its longer side, as PNG (JPEG for a photo, or a PNG over the limit). */
async function prepared(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(bitmap.width * scale));
    out.height = Math.max(1, Math.round(bitmap.height * scale));
    out.getContext('2d').drawImage(bitmap, 0, 0, out.width, out.height);
    bitmap.close();
    let blob = await toBlob(out, file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png', 0.9);
    if (blob.size > MAX_BYTES) blob = await toBlob(out, 'image/jpeg', 0.85);
    return blob;
}

/** Uploads image bytes as an asset of this board: {id, type, width, height, bytes}. */
export async function uploadAsset(blob) {
    const response = await fetch(new URL(`api/boards/${encodeURIComponent(boardId)}/assets`, document.baseURI), {
        method: 'POST', body: blob, headers: { 'Content-Type': blob.type || 'application/octet-stream', 'X-Requested-With': 'fetch' },
    });
    if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.message || `upload failed (${response.status})`);
    }
    return response.json();
}

/** An image shape of the asset centred on (x, y): its pixels as board units, at most 600 screen pixels across. */
export function imageShape(asset, x, y) {
    const fit = Math.min(1, 600 / state.view.scale / Math.max(asset.width, asset.height));
    const w = asset.width * fit, h = asset.height * fit;
    return { id: newId(), kind: 'image', asset: asset.id, opacity: Number(opacityInput.value) || 1,
        points: [x - w / 2, y - h / 2, x + w / 2, y + h / 2] };
}

function viewCentre() {
    return [(canvas.clientWidth / 2 - state.view.x) / state.view.scale, (canvas.clientHeight / 2 - state.view.y) / state.view.scale];
}

/** Adds the picture of `file` to the board at (x, y) (the view's centre by default); the shape, or null. */
export async function addImage(file, x, y) {
    if (state.role === 'viewer') { showMessage('Viewers cannot add images.'); return null; }
    if (!file || !ACCEPTED.includes(file.type)) { showMessage('Images are PNG, JPEG, GIF or WebP.'); return null; }
    try {
        const asset = await uploadAsset(await prepared(file));
        const [cx, cy] = x === undefined ? viewCentre() : [x, y];
        const shape = imageShape(asset, cx, cy);
        change([shape], []);
        return shape;
    } catch (e) {
        showMessage(`Image not added: ${e.message}`);
        return null;
    }
}

function imageFile(transfer) {
    return transfer ? [...transfer.files].find((f) => f.type.startsWith('image/')) : undefined;
}

canvas.addEventListener('pointermove', (event) => { pointer = toBoard(event); });
canvas.addEventListener('dragover', (event) => {
    if (state.role !== 'viewer' && event.dataTransfer && [...event.dataTransfer.types].includes('Files')) event.preventDefault();
});
canvas.addEventListener('drop', (event) => {
    const file = imageFile(event.dataTransfer);
    if (!file || state.preview) return;
    event.preventDefault();
    const [x, y] = toBoard(event);
    addImage(file, x, y);
});
document.addEventListener('paste', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target && target.isContentEditable)) return;
    const file = imageFile(event.clipboardData);
    if (!file) return; // not a picture: other kinds of paste are not this module's
    if (state.preview) { event.preventDefault(); return; } // a previewed version takes nothing
    event.preventDefault();
    const [x, y] = pointer || viewCentre();
    addImage(file, x, y);
});
document.getElementById('image-file').addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) addImage(file);
});
