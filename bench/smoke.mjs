// A deployment's smoke test: signs in, creates a board, negotiates, connects to the real-time service with the
// JSON subprotocol, draws a shape as a board event, and reads it back from the diagram. Exits 0 when all of that
// worked, 1 (saying where) otherwise. Used by the Payara Server recipe.
//   node bench/smoke.mjs <base-url> [user]           a built-in account (HTTP Basic), with the password in
//       SMOKE_PASSWORD (default: the demo accounts', for deployments with them on)
//   node bench/smoke.mjs <base-url> [user] --oidc    OpenID Connect: a browser's sign-in, the authorization-code
//       flow from api/session/oidc through the provider and back, with the app's session cookie afterwards; the
//       provider must sign `user` in without a form (such as mock-oauth2-server with interactiveLogin off)
import WebSocket from 'ws';

const args = process.argv.slice(2);
const oidc = args.includes('--oidc');
const [base, user = 'alice'] = args.filter((a) => a !== '--oidc');
const app = new URL(base).origin;
const cookies = new Map(); // the app's cookies (its session), as a browser keeps them
const password = process.env.SMOKE_PASSWORD || 'whiteboard';
let auth = { authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') };

async function api(path, init = {}) {
  const response = await fetch(new URL(path, base), { ...init, headers: { ...auth, 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Like a browser's link to the sign-in start: follows every redirect, keeping the app's cookies. */
async function signInWithProvider(start) {
  let url = new URL(start, base);
  for (let hops = 0; hops < 10; hops++) {
    const mine = url.origin === app;
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: mine && cookie ? { cookie } : {} });
    if (mine) {
      for (const set of response.headers.getSetCookie()) {
        const [pair] = set.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      }
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || !location) {
      if (response.status !== 200) throw new Error(`signing in ended at ${url}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      return url;
    }
    url = new URL(location, url);
  }
  throw new Error(`signing in: more than 10 redirects (last ${url})`);
}

try {
  const probe = await fetch(new URL('api/health', base));
  if (probe.status !== 200) throw new Error(`GET api/health: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
  const health = await probe.json();
  if (oidc) {
    auth = {};
    const method = await api('api/session/method');
    if (method.method !== 'oidc') throw new Error(`the server signs in with ${method.method}, not OpenID Connect`);
    const page = new URL('board.html?smoke=1', base);
    const landed = await signInWithProvider(`${method.start}?next=${encodeURIComponent(page.pathname + page.search)}`);
    if (landed.href !== page.href) throw new Error(`signed in, but landed on ${landed}, not ${page}`);
    auth = { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    const caller = await api('api/session');
    if (caller.user !== user || caller.method !== 'oidc') throw new Error(`signed in as ${JSON.stringify(caller)}, not ${user} by oidc`);
  }
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
  console.log(JSON.stringify({ smoke: 'ok', base, signIn: oidc ? 'oidc' : 'password', health, board, clientUrl: url.replace(/access_token=[^&]+/, 'access_token=…'), version: diagram.version }));
  process.exit(0);
} catch (e) {
  console.error(`smoke test failed: ${e.message}`);
  process.exit(1);
}
