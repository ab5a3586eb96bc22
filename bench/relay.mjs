// The baseline for B1: a WebSocket relay (Node `ws`) with no protocol, doing what the hub does for one group and
// nothing more. Clients that connect with `?role=sender` publish: each frame they send goes to every other client
// (the receivers, the group's members); senders get nothing, like the hub's senders, which are not in the group and
// send with noEcho.
//   node relay.mjs <port> [plain|gathered]
// plain: `ws` as it comes, one write (a system call) per message per receiver.
// gathered (the fair baseline for the hub, whose fan-out writes each client's frames once per batch): the frames
// that one event-loop turn sends to a receiver leave in one write. Its socket is corked at the first of them and
// every corked socket is uncorked in a setImmediate, after the turn's messages have all been read and relayed.
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 18090);
const mode = process.argv[3] ?? 'plain';
if (mode !== 'plain' && mode !== 'gathered') throw new Error(`mode must be plain or gathered, not ${mode}`);
const server = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false });
const receivers = new Set();
const corked = new Set();
let uncorkScheduled = false;
const uncorkAll = () => {
  uncorkScheduled = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
};

const relayPlain = (ws, data, isBinary) => {
  for (const client of receivers) {
    if (client !== ws && client.readyState === 1) client.send(data, { binary: isBinary });
  }
};
const relayGathered = (ws, data, isBinary) => {
  for (const client of receivers) {
    if (client !== ws && client.readyState === 1) {
      const socket = client._socket;
      if (!corked.has(socket)) {
        socket.cork();
        corked.add(socket);
      }
      client.send(data, { binary: isBinary });
    }
  }
  if (!uncorkScheduled) {
    uncorkScheduled = true;
    setImmediate(uncorkAll);
  }
};
const relay = mode === 'gathered' ? relayGathered : relayPlain;

server.on('connection', (ws, request) => {
  if (new URL(request.url, 'ws://relay').searchParams.get('role') !== 'sender') {
    receivers.add(ws);
    ws.on('close', () => receivers.delete(ws));
  }
  ws.on('message', (data, isBinary) => relay(ws, data, isBinary));
});
console.log(`relay (${mode}) listening on ${port}`);
