// Shared pieces of the hub benchmarks: tokens, connecting many clients, percentiles.
import { createHmac } from 'node:crypto';
import protobuf from 'protobufjs';
import WebSocket from 'ws';

/** The hub's subprotocol by its short name (HUB_PROTOCOL in the scripts): json or protobuf. */
export const SUBPROTOCOLS = { json: 'json.webpubsub.azure.v1', protobuf: 'protobuf.webpubsub.azure.v1' };

let protobufTypes;
/** The protobuf subprotocols' messages, read by protobufjs from the same .proto as the hub's. */
export function protobufMessages() {
  if (!protobufTypes) {
    const root = protobuf.loadSync(new URL('../src/main/proto/webpubsub.client.proto', import.meta.url).pathname);
    protobufTypes = {
      Upstream: root.lookupType('azure.webpubsub.UpstreamMessage'),
      Downstream: root.lookupType('azure.webpubsub.DownstreamMessage'),
    };
  }
  return protobufTypes;
}

/** Whether a client's first frame is the hub's `connected`, in the subprotocol's format. */
function isConnected(protocol, data) {
  if (protocol.startsWith('protobuf.')) {
    const message = protobufMessages().Downstream.decode(data);
    return message.systemMessage?.connectedMessage != null;
  }
  const frame = JSON.parse(data.toString());
  return frame.type === 'system' && frame.event === 'connected';
}

/** An HS256 client access token for the built-in hub, as the SDKs make it. */
export function clientToken({ key, endpoint, hub, userId, roles = [], groups = [] }) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = { aud: `${endpoint}/client/hubs/${hub}`, exp: Math.floor(Date.now() / 1000) + 3600, sub: userId };
  if (roles.length) claims.role = roles;
  if (groups.length) claims['webpubsub.group'] = groups;
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  const signature = createHmac('sha256', Buffer.from(key, 'utf8')).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** Opens a WebSocket and resolves when it is open (and, for hub clients, when `connected` arrived). */
export function open(url, protocol, onMessage) {
  return new Promise((resolve, reject) => {
    const ws = protocol ? new WebSocket(url, protocol, { perMessageDeflate: false }) : new WebSocket(url, { perMessageDeflate: false });
    let ready = !protocol;
    ws.on('message', (data, isBinary) => {
      if (!ready) {
        if (isConnected(protocol, data)) {
          ready = true;
          resolve(ws);
        }
        return;
      }
      onMessage?.(data, isBinary);
    });
    ws.on('open', () => { if (ready) resolve(ws); });
    ws.on('error', reject);
  });
}

/** Opens `count` connections, `parallel` at a time. */
export async function openMany(count, parallel, factory) {
  const sockets = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + parallel); j++) batch.push(factory(j));
    sockets.push(...await Promise.all(batch));
  }
  return sockets;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Joins a board's group as its page does (negotiate as the user `auth` names, then the JSON subprotocol) and returns
 * `{ change, close }`: `change(put)` sends one changeShapes event with the shapes `put` and resolves once the app
 * answered it (it throws on a refusal).
 */
export async function boardChanges(base, auth, board) {
  const negotiated = await fetch(new URL(`api/negotiate?board=${board}`, base), { headers: { authorization: auth } });
  if (!negotiated.ok) throw new Error(`negotiate: ${negotiated.status} ${await negotiated.text()}`);
  const ws = new WebSocket((await negotiated.json()).url, SUBPROTOCOLS.json, { perMessageDeflate: false });
  const results = new Map();
  await new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'system' && frame.event === 'connected') resolve();
      if (frame.type === 'message' && frame.from === 'server' && frame.data?.type === 'result') results.set(frame.data.requestId, frame.data);
    });
    ws.on('error', reject);
  });
  let ack = 0;
  return {
    async change(put) {
      ack++;
      const requestId = `c${ack}`;
      ws.send(JSON.stringify({ type: 'event', event: 'changeShapes', ackId: ack, dataType: 'json', data: { board, requestId, put } }));
      while (!results.has(requestId)) await sleep(5);
      const result = results.get(requestId);
      results.delete(requestId);
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result;
    },
    close: () => ws.close(),
  };
}
