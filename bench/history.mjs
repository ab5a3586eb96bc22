// The version-history benchmark (issue 16): a board of 10,000 shapes, drawn through the real-time channel
// (changeShapes events of 500 shapes); then
//  - checkpoint: the time of POST …/checkpoint after 100 shapes changed (target ≤ 100 ms), and the bytes the 100
//    changes and the checkpoint added to the store, next to the bytes of the 10,000 shapes' first history;
//  - preview: GET …/versions/{id} of a version of the whole board (target ≤ 300 ms);
//  - diff: GET …/diff between the first version and the one six steps of 100 changes later (600 shapes differ; target
//    ≤ 200 ms), and from the first to the live board;
//  - a busy board: 1,000 checkpoints, each after 10 changed shapes: bytes stored per checkpoint (with its changes).
// Times are the p50 and p95 of 20 requests after 5 to warm up. Bytes come from the command in HISTORY_BENCH_BYTES (it
// prints the bytes the history takes; run-history-bench.sh sets one for PostgreSQL and one for H2). Prints one JSON
// line.
//   node bench/history.mjs <base-url> [shapes]
import { execSync } from 'node:child_process';
import { boardChanges, percentile } from './common.mjs';

const [base, shapesArg] = process.argv.slice(2);
const SHAPES = Number(shapesArg ?? 10_000);
const CHECKPOINTS = Number(process.env.HISTORY_BENCH_CHECKPOINTS ?? 1000);
const auth = 'Basic ' + Buffer.from('alice:whiteboard').toString('base64');
const api = async (path, init = {}) => {
  const response = await fetch(new URL(path, base), { ...init, headers: { authorization: auth, ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
};
const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bytes = () => (process.env.HISTORY_BENCH_BYTES ? Number(execSync(process.env.HISTORY_BENCH_BYTES).toString().trim()) : null);

const board = (await (await api('api/boards', json({ title: `History ${SHAPES} shapes` }))).json()).id;
const { change, close } = await boardChanges(base, auth, board);
const shape = (i, dx = 0) => {
  const x = (i % 100) * 60 + dx, y = Math.floor(i / 100) * 60;
  return i % 3 === 0
    ? { id: `s${i}`, kind: 'pen', stroke: '#1e1e1e', width: 2, points: Array.from({ length: 24 }, (_, k) => (k % 2 ? y + k : x + k * 2)) }
    : { id: `s${i}`, kind: 'rectangle', stroke: '#1e1e1e', width: 2, points: [x, y, x + 40, y + 40] };
};
async function timed(what, times = 20, warm = 5) {
  for (let i = 0; i < warm; i++) await what();
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await what();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: +percentile(ms, 50).toFixed(1), p95: +percentile(ms, 95).toFixed(1) };
}
const checkpoint = async () => {
  const t = performance.now();
  const response = await api(`api/boards/${board}/checkpoint`, { method: 'POST' });
  const ms = performance.now() - t;
  return { ms, version: response.status === 200 ? await response.json() : null };
};

const emptyBytes = bytes();
for (let i = 0; i < SHAPES; i += 500) {
  await change(Array.from({ length: Math.min(500, SHAPES - i) }, (_, k) => shape(i + k)));
}
const drawnBytes = bytes();
const first = (await checkpoint()).version;

// 100 changed shapes, then a checkpoint, 20 times (after 5 to warm up): its time, and the bytes of one such step
const stepTimes = [];
let round = 0;
const step = async () => {
  round++;
  await change(Array.from({ length: 100 }, (_, k) => shape((round * 100 + k) % SHAPES, round)));
  return checkpoint();
};
for (let i = 0; i < 5; i++) await step();
const beforeStep = bytes();
const second = (await step()).version;
const stepBytes = bytes() - beforeStep;
for (let i = 0; i < 20; i++) stepTimes.push((await step()).ms);
stepTimes.sort((a, b) => a - b);
const noChange = await timed(async () => { await api(`api/boards/${board}/checkpoint`, { method: 'POST' }); }, 10, 2);

const preview = await timed(async () => {
  const content = await (await api(`api/boards/${board}/versions/${first.id}`)).json();
  if (content.shapes.length !== SHAPES) throw new Error(`preview had ${content.shapes.length} shapes`);
});
const diff = await timed(async () => {
  const d = await (await api(`api/boards/${board}/diff?from=${first.id}&to=${second.id}`)).json();
  if (d.changed.length === 0) throw new Error('no difference');
});
const diffLive = await timed(async () => { await (await api(`api/boards/${board}/diff?from=${first.id}`)).json(); }, 10, 2);

// a busy board: 1,000 checkpoints, each after 10 changed shapes
const beforeBusy = bytes();
const busyStart = performance.now();
for (let i = 0; i < CHECKPOINTS; i++) {
  round++;
  await change(Array.from({ length: 10 }, (_, k) => shape((round * 10 + k) % SHAPES, round)));
  await checkpoint();
}
const busySeconds = (performance.now() - busyStart) / 1000;
const busyBytes = bytes() - beforeBusy;
const versions = (await (await api(`api/boards/${board}/versions?limit=1`)).json()).versions;
close();
console.log(JSON.stringify({
  shapes: SHAPES,
  historyBytes: { empty: emptyBytes, afterDrawing: drawnBytes, drawn: drawnBytes - emptyBytes },
  checkpointAfter100Changes: { p50: +percentile(stepTimes, 50).toFixed(1), p95: +percentile(stepTimes, 95).toFixed(1), bytesOf100ChangesAndCheckpoint: stepBytes },
  checkpointOfUnchangedBoard: noChange,
  previewOfWholeBoard: preview,
  diffOf600ChangedShapes: diff,
  diffToLive: diffLive,
  busyBoard: { checkpoints: CHECKPOINTS, changedPerCheckpoint: 10, bytes: busyBytes, bytesPerCheckpoint: Math.round(busyBytes / CHECKPOINTS), seconds: +busySeconds.toFixed(1) },
  newestVersion: versions[0]?.version,
}));
process.exit(0);
