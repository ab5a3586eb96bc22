// B5 of quality-bar.md: a board with 10,000 shapes, of which 200 images (of 4 uploaded assets), 500 sticky notes and
// 500 connectors (arrows and lines bound at both ends to the rectangles and notes, some with a label; fewer of each
// on a smaller board, in proportion). Creates it through the real-time channel (changeShapes events of 500 shapes,
// the connectors last, after the shapes they are bound to), then measures: the diagram snapshot served over HTTP; the board page in headless Chromium
// (Debian's /usr/bin/chromium through puppeteer-core) until the 10,000 shapes are drawn; and frames per second (with
// the slowest frame and the page's render cost) while panning (mouse drag with the Pan tool) and zooming (wheel).
// Prints one JSON line.
//   node bench/large-board.mjs <base-url> [shapes]
import { deflateSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { boardChanges, percentile, sleep } from './common.mjs';

const [base, shapesArg] = process.argv.slice(2);
const SHAPES = Number(shapesArg ?? 10_000);
const auth = 'Basic ' + Buffer.from('alice:whiteboard').toString('base64');
const api = async (path, init = {}) => {
  const response = await fetch(new URL(path, base), { ...init, headers: { authorization: auth, ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
};

const board = (await (await api('api/boards', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: `B5 ${SHAPES} shapes` }) })).json()).id;
const boardChannel = await boardChanges(base, auth, board);
/** A w × h PNG of one colour (RGB, no filter), for the image shapes' assets. */
function png(w, h, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (bytes) => { let c = 0xffffffff; for (const x of bytes) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0); header.writeUInt32BE(h, 4); header[8] = 8; header[9] = 2;
  const rows = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set([r, g, b], y * (1 + 3 * w) + 1 + 3 * x);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const assets = [];
for (const colour of [[224, 49, 49], [47, 111, 237], [64, 192, 87], [250, 176, 5]]) {
  assets.push((await (await api(`api/boards/${board}/assets`, { method: 'POST', headers: { 'content-type': 'image/png' },
    body: png(64, 48, colour) })).json()).id);
}

const kinds = ['pen', 'pen', 'pen', 'rectangle', 'ellipse', 'line', 'arrow'];
const IMAGES = Math.round(SHAPES * 0.02), NOTES = Math.round(SHAPES * 0.05), CONNECTORS = Math.round(SHAPES * 0.05);
const PLAIN = SHAPES - IMAGES - NOTES - CONNECTORS;
let random = 42;
const rnd = () => ((random = (random * 1103515245 + 12345) % 2147483648) / 2147483648);
const targets = []; // rectangles and notes the connectors bind to
const shapes = [];
for (let i = 0; i < SHAPES; i++) {
  const x = rnd() * 6000 - 1000, y = rnd() * 4000 - 500;
  const box = [x, y, x + 40 + rnd() * 200, y + 30 + rnd() * 150];
  if (i < PLAIN) {
    const kind = kinds[i % kinds.length];
    const points = kind === 'pen' ? Array.from({ length: 24 }, (_, k) => (k % 2 ? y + Math.sin(k) * 30 + k : x + k * 4)) : box;
    shapes.push({ id: `s${i}`, kind, stroke: '#1e1e1e', width: 2, points });
    if (kind === 'rectangle') targets.push(shapes[shapes.length - 1]);
  } else if (i < PLAIN + IMAGES) {
    shapes.push({ id: `s${i}`, kind: 'image', asset: assets[i % assets.length], points: [x, y, x + 64 * 2, y + 48 * 2] });
  } else if (i < PLAIN + IMAGES + NOTES) {
    shapes.push({ id: `s${i}`, kind: 'note', fill: '#ffd43b', text: `Note ${i}: what the team said about it`,
      points: [x, y, x + 200, y + 200] });
    targets.push(shapes[shapes.length - 1]);
  } else { // a connector from the middle of one target to the middle of another
    const [a, b] = [targets[Math.floor(rnd() * targets.length)], targets[Math.floor(rnd() * targets.length)]];
    const mid = (t) => [(t.points[0] + t.points[2]) / 2, (t.points[1] + t.points[3]) / 2];
    const connector = { id: `s${i}`, kind: i % 2 ? 'arrow' : 'line', stroke: '#1e1e1e', width: 2,
      points: [...mid(a), ...mid(b)], start: { shape: a.id, x: 0.5, y: 0.5 } };
    if (b !== a) connector.end = { shape: b.id, x: 0.5, y: 0.5 };
    if (i % 5 === 0) connector.label = `step ${i}`;
    shapes.push(connector);
  }
}
for (let start = 0; start < SHAPES; start += 500) {
  await boardChannel.change(shapes.slice(start, start + 500));
}
boardChannel.close();

const snapshot = [];
let bytes = 0;
// 10 warm-up requests (the JIT compiles the path that reads and writes 10,000 shapes), then 20 measured: with 2 of
// 7, identical runs gave p50 from 133 to 386 ms
for (let i = 0; i < 30; i++) {
  const started = performance.now();
  const body = await (await api(`api/boards/${board}/diagram`)).arrayBuffer();
  snapshot.push(performance.now() - started);
  bytes = body.byteLength;
}
const measured = snapshot.slice(10).sort((a, b) => a - b);

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1280,800'] });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 800 });
await page.goto(new URL('signin.html', base).toString());
await page.type('#name', 'alice');
await page.type('#password', 'whiteboard');
await Promise.all([page.waitForNavigation(), page.click('#signin-button')]);
const opened = performance.now();
await page.goto(new URL(`board.html?id=${board}`, base).toString());
await page.waitForFunction((n) => window.whiteboard && window.whiteboard.state.shapes.size >= n && window.whiteboard.state.frames > 0
  && !window.whiteboard.state.dirty, { timeout: 60_000, polling: 'raf' }, SHAPES);
const renderedAfter = performance.now() - opened;
const fullRender = await page.evaluate(() => window.whiteboard.state.lastRenderMs);

// Frames per second as the page's animation frames while the action runs (a long render delays them), and what
// the page's own renders cost meanwhile.
async function fps(action) {
  await page.evaluate(() => {
    window.benchFrames = [];
    window.whiteboard.state.renderMs.length = 0;
    window.benchBuilds = window.whiteboard.layer.builds;
    const loop = (t) => { if (window.benchFrames) { window.benchFrames.push(t); requestAnimationFrame(loop); } };
    requestAnimationFrame(loop);
  });
  await action();
  return page.evaluate(() => {
    const frames = window.benchFrames;
    window.benchFrames = null;
    const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
    const renders = window.whiteboard.state.renderMs.slice().sort((a, b) => a - b);
    const at = (list, p) => list.length ? Math.round(list[Math.min(list.length - 1, Math.floor(list.length * p))] * 10) / 10 : null;
    return { fps: Math.round(((frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000)) * 10) / 10,
      frameP95Ms: at(gaps, 0.95), slowestFrameMs: at(gaps, 1), framesOver33Ms: gaps.filter((g) => g > 33.4).length, renders: renders.length, renderP50Ms: at(renders, 0.5), renderP95Ms: at(renders, 0.95),
      layerBuilds: window.whiteboard.layer.builds - window.benchBuilds };
  });
}
await page.click('[data-tool="hand"]');
const pan = await fps(async () => {
  await page.mouse.move(640, 450);
  await page.mouse.down();
  for (let i = 0; i < 90; i++) { await page.mouse.move(640 - i * 4, 450 - i * 2); await sleep(16); }
  await page.mouse.up();
});
const zoom = await fps(async () => {
  for (let i = 0; i < 60; i++) { await page.mouse.wheel({ deltaY: i < 30 ? 40 : -40 }); await sleep(16); }
  await sleep(300); // and the sharp redraw once the zoom has settled
});
await browser.close();
const round = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({ benchmark: 'large board', shapes: SHAPES, images: IMAGES, notes: NOTES, connectors: CONNECTORS, snapshotBytes: bytes,
  snapshotMs: { p50: round(percentile(measured, 50)), p95: round(percentile(measured, 95)), max: round(measured[measured.length - 1]) },
  pageRenderedMs: round(renderedAfter), fullRenderMs: round(fullRender), pan, zoom }));
process.exit(0);
