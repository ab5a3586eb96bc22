// The baseline for B1: a plain WebSocket relay with no protocol. Every frame a client sends goes to every other
// client. Usage: node relay.mjs <port>
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 18090);
const server = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false });
server.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const client of server.clients) {
      if (client !== ws && client.readyState === 1) client.send(data, { binary: isBinary });
    }
  });
});
console.log(`relay listening on ${port}`);
