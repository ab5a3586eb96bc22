// B5 of quality-bar.md: a board with 10,000 shapes. Creates it through the real-time channel (changeShapes events
// of 500 shapes), then measures: the diagram snapshot served over HTTP; the board page in headless Chromium
// (Debian's /usr/bin/chromium through puppeteer-core) until the 10,000 shapes are drawn; and frames per second (with
// the slowest frame and the page's render cost) while panning (mouse drag with the Pan tool) and zooming (wheel).
// Prints one JSON line.
//   node bench/large-board.mjs <base-url> [shapes]
import WebSocket from 'ws';
import puppeteer from 'puppeteer-core';
import { percentile, sleep } from './common.mjs';

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
const { url } = await (await api(`api/negotiate?board=${board}`)).json();
const ws = new WebSocket(url, 'json.webpubsub.azure.v1', { perMessageDeflate: false });
const results = new Map();
await new Promise((resolve, reject) => {
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'system' && frame.event === 'connected') resolve();
    if (frame.type === 'message' && frame.from === 'server' && frame.data?.type === 'result') results.set(frame.data.requestId, frame.data);
  });
  ws.on('error', reject);
});
const kinds = ['pen', 'pen', 'pen', 'rectangle', 'ellipse', 'line', 'arrow'];
let random = 42;
const rnd = () => ((random = (random * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let start = 0, ack = 1; start < SHAPES; start += 500, ack++) {
  const put = [];
  for (let i = start; i < Math.min(SHAPES, start + 500); i++) {
    const kind = kinds[i % kinds.length];
    const x = rnd() * 6000 - 1000, y = rnd() * 4000 - 500;
    const points = kind === 'pen' ? Array.from({ length: 24 }, (_, k) => (k % 2 ? y + Math.sin(k) * 30 + k : x + k * 4))
      : [x, y, x + 40 + rnd() * 200, y + 30 + rnd() * 150];
    put.push({ id: `s${i}`, kind, stroke: '#1e1e1e', width: 2, points });
  }
  const requestId = `b${ack}`;
  ws.send(JSON.stringify({ type: 'event', event: 'changeShapes', ackId: ack, dataType: 'json', data: { board, requestId, put } }));
  while (!results.has(requestId)) await sleep(20);
  if (!results.get(requestId).ok) throw new Error(JSON.stringify(results.get(requestId)));
}
ws.close();

const snapshot = [];
let bytes = 0;
for (let i = 0; i < 7; i++) {
  const started = performance.now();
  const body = await (await api(`api/boards/${board}/diagram`)).arrayBuffer();
  snapshot.push(performance.now() - started);
  bytes = body.byteLength;
}
const measured = snapshot.slice(2).sort((a, b) => a - b);

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
console.log(JSON.stringify({ benchmark: 'large board', shapes: SHAPES, snapshotBytes: bytes,
  snapshotMs: { p50: round(percentile(measured, 50)), max: round(measured[measured.length - 1]) },
  pageRenderedMs: round(renderedAfter), fullRenderMs: round(fullRender), pan, zoom }));
process.exit(0);
