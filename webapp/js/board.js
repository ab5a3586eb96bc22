// The board page: draws the board on a <canvas>, lets editors draw, and keeps in step with everyone else through
// the real-time connection. The stored board (shapes and version) comes from the app; changes made here are shown
// at once, sent as board events, and replaced by what the app committed. All user text is drawn or set as text.
// This entry wires the modules of board/ (one job each, see their opening comments) and starts the page.
import { showMessage } from './board/page.js';
import { state, visibleShapes } from './board/scene.js';
import { connection } from './board/status.js';
import { cursors } from './board/cursors.js';
import { layer } from './board/render.js';
import { renderPng, exportJson, importJson, exportSvg } from './board/transfer.js';
import { uploadBackground } from './board/background.js';
import { start } from './board/sync.js';
import { clipboardText, shapesOf } from './board/clipboard.js';
import { addImage } from './board/images.js';
// the tools: each module registers its family with tools.js (a new tool is one more module and one more line)
import './board/tools/select.js';
import './board/tools/draw.js';
import './board/tools/text.js';
import './board/tools/note.js';
import './board/tools/eraser.js';
import { trails as laserTrails } from './board/tools/laser.js';
import { follow } from './board/follow.js'; // following a view, bringing everyone
import './board/images.js'; // image shapes: paste, drop, the Image button
import './board/input.js'; // and the Pan tool
import './board/controls.js';
import './board/clipboard.js';
import './board/title.js'; // rename in place, Share
import './board/arrange.js'; // order and lock of the selection
import './board/label.js'; // a connector's label, on a double click
import './board/properties.js'; // the style panel
import './board/menu.js'; // the board menu
import './board/help.js'; // the keyboard-shortcut sheet
import './board/history/panel.js'; // version history: the panel, preview, restore, what changed (issue 16)

window.whiteboard = { state, visibleShapes, cursors, layer, renderPng, exportJson, importJson, exportSvg, uploadBackground, clipboardText, shapesOf, addImage, laserTrails, follow, get connection() { return connection; } }; // for the browser tests
start().catch((e) => showMessage(e.message));
