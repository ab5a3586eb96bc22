// The tool registry: each tool family (tools/*.js) registers its tools, with a key and a canvas cursor, and says
// what the pointer does with them: start (a press at a board point; returns what a drag then changes, if
// anything), move and finish. input.js calls them; selectTool switches the toolbar. A new tool is a new module.
import { canvas } from './page.js';
import { state, invalidate } from './scene.js';

const tools = new Map();  // name -> family
const keys = new Map();   // key -> name

/** Registers a tool: `family` is {cursor?, pans?, start?(x, y, name, event), move?(drawing, x, y, event), finish?(drawing)}. */
export function defineTool(name, key, family) {
    tools.set(name, family);
    if (key) keys.set(key, name);
}

export function toolNamed(name) {
    return tools.get(name);
}

/** The tool picked with this key (event.key), if any. */
export function toolForKey(key) {
    return keys.get(key);
}

/** The tools that work on a previewed version (history/preview.js): nothing there can be changed. */
export const PREVIEW_TOOLS = new Set(['select', 'hand']);

export function selectTool(tool) {
    if (state.preview && !PREVIEW_TOOLS.has(tool)) return;
    state.tool = tool;
    document.body.dataset.tool = tool; // board.css shows what goes with the tool (the note colours)
    document.querySelectorAll('button[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === tool)));
    canvas.style.cursor = (tools.get(tool) && tools.get(tool).cursor) || 'crosshair';
    if (tool !== 'select' && state.selection.size) {
        state.selection = new Set();
        invalidate();
    }
}
