// Microsoft's official JavaScript client (@azure/web-pubsub-client, on its default reliable subprotocol) for
// JsClientCloseIT: connects with the client access URL given as the only argument, prints one JSON line per event
// (connected, disconnected, stopped) on stdout, and calls client.stop() when it reads the line "stop" on stdin.
// Exits once the client has stopped (0), or with 1 when it could not start.
//   node stop-client.mjs <client-access-url>
import { createInterface } from 'node:readline';
import { WebPubSubClient } from '@azure/web-pubsub-client';

const say = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const client = new WebPubSubClient(process.argv[2]);
client.on('connected', (e) => say({ event: 'connected', connectionId: e.connectionId, userId: e.userId }));
client.on('disconnected', (e) => say({ event: 'disconnected', connectionId: e.connectionId, message: e.message }));
client.on('stopped', () => {
  say({ event: 'stopped' });
  process.exit(0);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stop') {
    client.stop();
  }
});
try {
  await client.start();
} catch (e) {
  say({ event: 'failed', message: String(e) });
  process.exit(1);
}
