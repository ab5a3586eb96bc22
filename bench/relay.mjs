// The baseline for B1: a plain WebSocket relay with no protocol, doing what the hub does for one group and nothing
// more. Clients that connect with `?role=sender` publish: each frame they send goes to every other client (the
// receivers, the group's members); senders get nothing, like the hub's senders, which are not in the group and
// send with noEcho. Usage: node relay.mjs <port>
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 18090);
const server = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false });
const receivers = new Set();
server.on('connection', (ws, request) => {
  if (new URL(request.url, 'ws://relay').searchParams.get('role') !== 'sender') {
    receivers.add(ws);
    ws.on('close', () => receivers.delete(ws));
  }
  ws.on('message', (data, isBinary) => {
    for (const client of receivers) {
      if (client !== ws && client.readyState === 1) client.send(data, { binary: isBinary });
    }
  });
});
console.log(`relay listening on ${port}`);
