// B4 of quality-bar.md: finished shapes sent as user events through the hub -> this app's webhook -> the database.
// Each connection negotiates as a demo user (HTTP Basic), then sends `changeShapes` events (one new pen shape each)
// at an even pace; the latency of an event is from sending it to its ack (which comes after the app's reply, i.e.
// after the commit and the announcement to the board's group). Prints one JSON line.
//   node bench/webhook.mjs <base-url> <connections> <events-per-second> <seconds> [boards]
import WebSocket from 'ws';
import { percentile, sleep } from './common.mjs';

const [base, connectionsArg, rateArg, secondsArg, boardsArg] = process.argv.slice(2);
const CONNECTIONS = Number(connectionsArg ?? 20), RATE = Number(rateArg ?? 500), SECONDS = Number(secondsArg ?? 20);
const BOARDS = Number(boardsArg ?? 10);
const USERS = ['alice', 'bob', 'carol', 'dave'];
const auth = (user) => 'Basic ' + Buffer.from(`${user}:whiteboard`).toString('base64');

async function api(user, path, init = {}) {
  const response = await fetch(new URL(path, base), { ...init, headers: { authorization: auth(user), ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const boards = [];
for (let i = 0; i < BOARDS; i++) {
  boards.push((await api('alice', 'api/boards', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: `B4 ${i}` }) })).id);
}

const pending = new Map();   // `${connection}:${ackId}` -> sent at
const latencies = [];
let acked = 0, ok = 0, failed = 0, errors = {};
const clients = await Promise.all(Array.from({ length: CONNECTIONS }, async (_, c) => {
  const user = USERS[c % USERS.length];
  const board = boards[c % boards.length];
  const { url } = await api(user, `api/negotiate?board=${board}`);
  const ws = new WebSocket(url, 'json.webpubsub.azure.v1', { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'system' && frame.event === 'connected') resolve();
      else if (frame.type === 'ack') {
        const key = `${c}:${frame.ackId}`;
        const at = pending.get(key);
        if (at !== undefined) {
          pending.delete(key);
          latencies.push(Number(process.hrtime.bigint() - at) / 1e6);
          acked++;
          if (!frame.success) errors[frame.error?.name] = (errors[frame.error?.name] ?? 0) + 1;
        }
      } else if (frame.type === 'message' && frame.from === 'server' && frame.data?.type === 'result') {
        if (frame.data.ok) ok++; else { failed++; errors[frame.data.error?.error] = (errors[frame.data.error?.error] ?? 0) + 1; }
      }
    });
    ws.on('error', reject);
  });
  return { ws, board, c, next: 1 };
}));

const interval = 1000 / RATE;
const started = performance.now();
let sent = 0;
while (performance.now() - started < SECONDS * 1000) {
  const due = Math.floor((performance.now() - started) / interval);
  while (sent < due) {
    const client = clients[sent % clients.length];
    const ackId = client.next++;
    const id = `c${client.c}-${ackId}`;
    pending.set(`${client.c}:${ackId}`, process.hrtime.bigint());
    client.ws.send(JSON.stringify({ type: 'event', event: 'changeShapes', ackId, dataType: 'json', data: {
      board: client.board, requestId: id,
      put: [{ id, kind: 'pen', stroke: '#1e1e1e', width: 2, points: [0, 0, 10, 10, 20, 5, 30, 12] }] } }));
    sent++;
  }
  await sleep(Math.max(0, interval / 2));
}
const sendingTook = (performance.now() - started) / 1000;
const drainUntil = performance.now() + 15000;
while (pending.size && performance.now() < drainUntil) await sleep(50);
const elapsed = (performance.now() - started) / 1000;
clients.forEach(({ ws }) => ws.close());
latencies.sort((a, b) => a - b);
const round = (x) => Math.round(x * 100) / 100;
console.log(JSON.stringify({
  benchmark: 'webhook events', connections: CONNECTIONS, boards: BOARDS, offeredPerSecond: RATE, seconds: SECONDS,
  sent, acked, unanswered: pending.size, resultsOk: ok, resultsFailed: failed, errors,
  ackedPerSecond: round(acked / Math.max(sendingTook, elapsed - 0)), sentPerSecond: round(sent / sendingTook),
  p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)),
  max: round(latencies[latencies.length - 1] ?? NaN),
}));
process.exit(0);
