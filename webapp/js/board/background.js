// The board's background: showing the image and colour the app announced, and setting a new image from the page
// (made smaller in the browser before upload).
import { boardId } from './page.js';
import { scene, state, invalidate } from './scene.js';

export function showBackground(background, color) {
    state.backgroundColor = color || null;
    if (!background) {
        if (state.background) scene.version++;
        state.background = null;
    } else if (!state.background || state.background.url !== background.url) {
        state.background = loadedBackground(background);
    }
    invalidate();
}

/** A background image ({url} as the app gives it) to draw: {image, url}; the canvas is drawn again once it loads. */
export function loadedBackground(background) {
    const image = new Image();
    image.onload = () => { scene.version++; invalidate(); };
    image.src = new URL(background.url, document.baseURI).toString();
    return { image, url: background.url };
}

/**
 * Sets the board's background image: made at most 2,048 pixels on its longer side in the browser and sent as
 * JPEG, well under the 10 MiB limit. Everyone on the board gets the change from the app.
 */
export async function uploadBackground(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(bitmap.width * scale));
    out.height = Math.max(1, Math.round(bitmap.height * scale));
    out.getContext('2d').drawImage(bitmap, 0, 0, out.width, out.height);
    const blob = await new Promise((resolve) => out.toBlob(resolve, 'image/jpeg', 0.85));
    const response = await fetch(new URL(`api/boards/${encodeURIComponent(boardId)}/background`, document.baseURI), {
        method: 'PUT', body: blob, headers: { 'Content-Type': 'image/jpeg', 'X-Requested-With': 'fetch' },
    });
    if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.message || `upload failed (${response.status})`);
    }
    return response.json();
}
