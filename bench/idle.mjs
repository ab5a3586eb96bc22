// B3 (quality-bar.md): idle connections. Opens `count` idle hub clients, asks the server process (by pid) for its
// heap after a full GC and its open descriptors, closes them, and asks again. Prints bytes per connection and
// whether descriptors came back.
//
// node idle.mjs <base-url> <access-key> <server-pid> <count>     (HUB_PROTOCOL=json|protobuf, default json)
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { SUBPROTOCOLS, clientToken, open, openMany, sleep } from './common.mjs';

const [target, key, pid, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1000);
const endpoint = target.replace(/\/$/, '');

function heapUsed() {
  execFileSync('jcmd', [pid, 'GC.run']);
  const info = execFileSync('jcmd', [pid, 'GC.heap_info']).toString();
  const match = info.match(/used (\d+)K/);
  return Number(match[1]) * 1024;
}
const descriptors = () => readdirSync(`/proc/${pid}/fd`).length;

await sleep(1000);
const heapBefore = heapUsed();
const fdBefore = descriptors();
const sockets = await openMany(count, 100, (i) => {
  const token = clientToken({ key, endpoint, hub: 'idle', userId: `u${i}`, groups: ['lobby'] });
  return open(`${endpoint.replace(/^http/, 'ws')}/client/hubs/idle?access_token=${token}`,
    SUBPROTOCOLS[process.env.HUB_PROTOCOL ?? 'json']);
});
await sleep(2000);
const heapWith = heapUsed();
const fdWith = descriptors();
sockets.forEach((ws) => ws.close());
await sleep(5000);
const heapAfter = heapUsed();
const fdAfter = descriptors();
console.log(JSON.stringify({
  protocol: process.env.HUB_PROTOCOL ?? 'json', connections: count,
  heapPerConnectionBytes: Math.round((heapWith - heapBefore) / count),
  descriptorsBefore: fdBefore, descriptorsWith: fdWith, descriptorsAfter: fdAfter,
  heapBeforeMB: +(heapBefore / 1048576).toFixed(1), heapWithMB: +(heapWith / 1048576).toFixed(1),
  heapAfterMB: +(heapAfter / 1048576).toFixed(1),
}));
process.exit(0);
