// A deployment's smoke test: signs in as a demo user, creates a board, negotiates, connects to the real-time
// service with the JSON subprotocol, draws a shape as a board event, and reads it back from the diagram. Exits 0
// when all of that worked, 1 (saying where) otherwise. Used by the Payara Server recipe; works against any
// deployment with the demo accounts on.
//   node bench/smoke.mjs <base-url> [user]
import WebSocket from 'ws';

const [base, user = 'alice'] = process.argv.slice(2);
const auth = 'Basic ' + Buffer.from(`${user}:whiteboard`).toString('base64');
async function api(path, init = {}) {
  const response = await fetch(new URL(path, base), { ...init, headers: { authorization: auth, 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
try {
  const probe = await fetch(new URL('api/health', base));
  if (probe.status !== 200) throw new Error(`GET api/health: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
  const health = await probe.json();
  const board = (await api('api/boards', { method: 'POST', body: JSON.stringify({ title: 'Smoke test' }) })).id;
  const { url } = await api(`api/negotiate?board=${board}`);
  const ws = new WebSocket(url, 'json.webpubsub.azure.v1');
  const result = await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no result within 10 s')), 10_000);
    ws.on('error', reject);
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if (frame.type === 'system' && frame.event === 'connected') {
        ws.send(JSON.stringify({ type: 'event', event: 'changeShapes', ackId: 1, dataType: 'json',
          data: { board, requestId: 'smoke', put: [{ id: 'smoke-1', kind: 'pen', points: [0, 0, 10, 10] }] } }));
      }
      if (frame.type === 'message' && frame.data?.type === 'result') resolve(frame.data);
    });
  });
  ws.close();
  if (!result.ok) throw new Error(`the shape was refused: ${JSON.stringify(result)}`);
  const diagram = await api(`api/boards/${board}/diagram`);
  if (diagram.shapes.length !== 1) throw new Error(`the diagram has ${diagram.shapes.length} shapes, not 1`);
  console.log(JSON.stringify({ smoke: 'ok', base, health, board, clientUrl: url.replace(/access_token=[^&]+/, 'access_token=…'), version: diagram.version }));
  process.exit(0);
} catch (e) {
  console.error(`smoke test failed: ${e.message}`);
  process.exit(1);
}
