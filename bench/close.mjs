// The time from a client's close frame to the `disconnected` event at the event handler (issue 18): one client at a
// time connects to the built-in hub, closes its WebSocket with a close frame (1000), and the clock stops when the
// handler (an HTTP server in this process, which the hub is configured to call) receives `disconnected` for that
// connection. Prints one JSON line: p50, p90 and max over the measured closes. Not a test: figures, no verdict.
//   node bench/close.mjs <http://localhost:port> <access-key> <handler-port> <closes> [subprotocol]
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { clientToken, percentile } from './common.mjs';

const [endpoint, key, handlerPortArg, closesArg, protocolArg] = process.argv.slice(2);
const CLOSES = Number(closesArg || 100);
const PROTOCOL = protocolArg || 'json.reliable.webpubsub.azure.v1';
const HUB = 'closebench';
const WARM_UP = 20;

const waiting = new Map(); // connectionId -> resolve
const handler = createServer((request, response) => {
  if (request.method === 'OPTIONS') {
    response.writeHead(200, { 'WebHook-Allowed-Origin': '*' }).end();
    return;
  }
  request.resume();
  request.on('end', () => {
    if (request.url.endsWith('/disconnected')) {
      const id = request.headers['ce-connectionid'];
      waiting.get(id)?.(performance.now());
      waiting.delete(id);
    }
    response.writeHead(204).end();
  });
});
await new Promise((resolve) => handler.listen(Number(handlerPortArg), '127.0.0.1', resolve));

/** Connects one client; resolves with the socket and its connection id once `connected` arrived. */
function connect(i) {
  const token = clientToken({ key, endpoint, hub: HUB, userId: `leaver${i}` });
  const ws = new WebSocket(`${endpoint.replace(/^http/, 'ws')}/client/hubs/${HUB}?access_token=${token}`, PROTOCOL,
    { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => resolve({ ws, connectionId: JSON.parse(data.toString()).connectionId }));
    ws.once('error', reject);
  });
}

/** One close: milliseconds from the close frame to `disconnected` at the handler. */
async function oneClose(i) {
  const { ws, connectionId } = await connect(i);
  const heard = new Promise((resolve, reject) => {
    waiting.set(connectionId, resolve);
    setTimeout(() => reject(new Error(`no disconnected for ${connectionId} within 60 s`)), 60_000).unref();
  });
  const sent = performance.now();
  ws.close(1000, 'bye');
  return (await heard) - sent;
}

for (let i = 0; i < WARM_UP; i++) await oneClose(i);
const times = [];
for (let i = 0; i < CLOSES; i++) times.push(await oneClose(WARM_UP + i));
times.sort((a, b) => a - b);
const ms = (v) => Math.round(v * 10) / 10;
console.log(JSON.stringify({
  benchmark: 'close frame to disconnected at the handler', subprotocol: PROTOCOL, closes: CLOSES,
  p50: ms(percentile(times, 50)), p90: ms(percentile(times, 90)), max: ms(times[times.length - 1]),
}));
handler.close();
process.exit(0);
