// The board page's elements and its board id, looked up once, and the message line for what went wrong.
// Every other board module takes the page's elements from here.

export const boardId = new URLSearchParams(location.search).get('id');
if (!boardId) {
    location.assign(new URL('./', document.baseURI));
}

export const canvas = document.getElementById('canvas');
export const ctx = canvas.getContext('2d');
export const statusLine = document.getElementById('status');
export const people = document.getElementById('people');
export const message = document.getElementById('message');
export const strokeInput = document.getElementById('stroke');
export const widthInput = document.getElementById('width');
export const fillInput = document.getElementById('fill');
export const opacityInput = document.getElementById('opacity');
export const textEditor = document.getElementById('text-editor');
export const clearButton = document.getElementById('clear');

export function showMessage(text) {
    message.textContent = text;
    message.hidden = false;
    clearTimeout(showMessage.timer);
    showMessage.timer = setTimeout(() => { message.hidden = true; }, 6_000);
}
