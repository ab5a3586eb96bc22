// Takes the README's screenshots: the board page, a small planning board with two people on it (alice sees bob's
// cursor), and (given a second file) alice's boards home. Not a benchmark; kept beside them because it uses the same
// Node tools.
//   node bench/screenshot.mjs <base-url> <board.png> [<boards-home.png>]
import puppeteer from 'puppeteer-core';
import { sleep } from './common.mjs';

const [base, output, homeOutput] = process.argv.slice(2);
const auth = (user) => 'Basic ' + Buffer.from(`${user}:whiteboard`).toString('base64');
const call = async (path, method, body) => {
  const response = await fetch(new URL(path, base), { method, body: JSON.stringify(body),
    headers: { authorization: auth('alice'), 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const board = (await call('api/boards', 'POST', { title: 'Sprint 42 planning' })).id;
const shapes = [
  { kind: 'rectangle', stroke: '#1971c2', fill: '#1971c240', points: [60, 60, 360, 420] },
  { kind: 'rectangle', stroke: '#f08c00', fill: '#f08c0040', points: [420, 60, 720, 420] },
  { kind: 'rectangle', stroke: '#2f9e44', fill: '#2f9e4440', points: [780, 60, 1080, 420] },
  { kind: 'text', stroke: '#1971c2', width: 24, text: 'To do', points: [80, 75] },
  { kind: 'text', stroke: '#f08c00', width: 24, text: 'Doing', points: [440, 75] },
  { kind: 'text', stroke: '#2f9e44', width: 24, text: 'Done', points: [800, 75] },
  { kind: 'text', stroke: '#1e1e1e', width: 16, text: 'Search in boards\nExport to PDF', points: [80, 130] },
  { kind: 'text', stroke: '#1e1e1e', width: 16, text: 'Chat beside the board', points: [440, 130] },
  { kind: 'text', stroke: '#1e1e1e', width: 16, text: 'Touch and stylus\nLarge boards', points: [800, 130] },
  { kind: 'arrow', stroke: '#e03131', width: 4, points: [300, 250, 480, 250] },
  { kind: 'ellipse', stroke: '#e03131', width: 3, points: [425, 110, 650, 165] },
  { kind: 'pen', stroke: '#9c36b5', width: 4, points: [820, 300, 850, 330, 880, 320, 910, 280, 950, 250, 990, 240] },
  { kind: 'text', stroke: '#9c36b5', width: 20, text: 'shipped!', points: [900, 330] },
  { kind: 'note', fill: '#ffd43b', text: 'Share dialog', points: [80, 300, 230, 400] },
  { kind: 'note', fill: '#8ce99a', text: 'Version history', points: [80, 450, 230, 550] },
  { kind: 'arrow', stroke: '#1e1e1e', width: 2, points: [155, 400, 155, 450], label: 'then',
    start: { shape: 's14', x: 0.5, y: 1 }, end: { shape: 's15', x: 0.5, y: 0 } },
];
let n = 0;
for (const shape of shapes) await call(`api/boards/${board}/shapes/s${++n}`, 'PUT', shape);

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
async function person(user) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(new URL('signin.html', base).toString());
  await page.type('#name', user);
  await page.type('#password', 'whiteboard');
  await Promise.all([page.waitForNavigation(), page.click('#signin-button')]);
  await page.goto(new URL(`board.html?id=${board}`, base).toString());
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'online');
  return page;
}
const alice = await person('alice');
const bob = await person('bob');
const canvas = await bob.$('#canvas');
const box = await canvas.boundingBox();
for (let i = 0; i < 8; i++) { await bob.mouse.move(box.x + 560 + i * 10, box.y + 330 + i * 5); await sleep(120); }
await sleep(300);
await alice.screenshot({ path: output });
if (homeOutput) {
  await alice.goto(new URL('index.html', base).toString());
  await alice.waitForSelector('.board-card, [data-board-id]');
  await sleep(1500); // the thumbnails are drawn from each board's shapes
  await alice.screenshot({ path: homeOutput });
}
await browser.close();
process.exit(0);
