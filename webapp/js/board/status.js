// The connection to the board's group (made by sync.js once the board is loaded) and the status line that shows
// its state and how many changes made here the app has not confirmed yet.
import { statusLine } from './page.js';

export let connection;

export function setConnection(value) {
    connection = value;
}

export function showStatus(status, detail) {
    const words = { connecting: 'Connecting…', online: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
    statusLine.dataset.state = status;
    const unsaved = connection ? connection.unsaved : 0;
    statusLine.textContent = words[status] + (unsaved ? ` · ${unsaved} unsaved` : '') + (detail ? ` · ${detail}` : '');
}
