// B1 (quality-bar.md): fan-out to one group. `receivers` clients in one group, `senders` clients each sending
// `rate` messages per second for `seconds`, every payload carrying the send time; prints latency percentiles and
// loss, duplicates and reordering per sender. Targets the built-in hub or a plain relay. With the hub, HUB_PROTOCOL
// picks the subprotocol of every client: json (json.webpubsub.azure.v1, the default) or protobuf
// (protobuf.webpubsub.azure.v1, the same JSON payload as json_data in binary frames).
//
// node fanout.mjs hub   <base-url e.g. http://localhost:18080> <access-key> [receivers senders rate seconds]
// node fanout.mjs relay <ws-url e.g. ws://127.0.0.1:18090>       -          [receivers senders rate seconds]
//
// The receivers are spread over FANOUT_THREADS worker threads (default 2, one per core here): one Node thread
// reading 120,000 messages a second is itself the bottleneck of the measurement, for the relay as for the hub
// (a message to 200 receivers took p50 4 ms, p99 15 ms to be read from the plain relay at 10 messages a second).
// The senders run on the main thread. Latency is from the send time to the moment a receiver has parsed the message.
// WARMUP_SECONDS (default 0): the senders first send for that long on the same connections at the same rate, and
// nothing of it is counted: not the messages (marked as warm-up), nor the CPU of the system under test, which is
// measured from the end of the warm-up. So the figures are those of the fan-out itself, without the connections'
// set-up (for a JVM, its JIT compiling the handshake's paths) in the measured window.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { SUBPROTOCOLS, clientToken, open, openMany, percentile, protobufMessages, sleep } from './common.mjs';

/**
 * The CPU time (user + system, all threads) the processes have used (pids comma-separated: every node of a cluster),
 * in seconds; NaN without a pid.
 */
function cpuSeconds(pids) {
  if (!pids) return NaN;
  return pids.split(',').reduce((sum, pid) => {
    // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the parenthesized name
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) / 100;
  }, 0);
}

const hub = 'bench';
const group = 'board-b1';
const wire = process.env.HUB_PROTOCOL ?? 'json';
if (!SUBPROTOCOLS[wire]) throw new Error(`HUB_PROTOCOL must be json or protobuf, not ${wire}`);
const { Upstream, Downstream } = wire === 'protobuf' ? protobufMessages() : {};

/** The payload of a hub message (its `data`), in the subprotocol's format. */
function hubData(bytes) {
  if (wire === 'protobuf') {
    const json = Downstream.decode(bytes).dataMessage?.data?.jsonData;
    return json === undefined ? undefined : JSON.parse(json);
  }
  return JSON.parse(bytes.toString()).data;
}

/** A publication of `payload` to the group, without echo, in the subprotocol's format. */
function hubSend(payload) {
  if (wire === 'protobuf') {
    return Upstream.encode(Upstream.create({
      sendToGroupMessage: { group, noEcho: true, data: { jsonData: JSON.stringify(payload) } },
    })).finish();
  }
  return JSON.stringify({ type: 'sendToGroup', group, noEcho: true, dataType: 'json', data: payload });
}

function url(mode, target, key, userId, roles, groups) {
  if (mode !== 'hub') return groups?.length ? target : `${target}/?role=sender`;
  const endpoint = target.replace(/\/$/, '');
  const token = clientToken({ key, endpoint, hub, userId, roles, groups });
  return `${endpoint.replace(/^http/, 'ws')}/client/hubs/${hub}?access_token=${token}`;
}

if (!isMainThread) {
  // a worker: its share of the receivers; counts what they get until told to stop
  const { mode, target, key, from, to } = workerData;
  const latencies = [];
  const expected = new Map(); // `${receiver}:${sender}` -> next expected seq
  let duplicates = 0;
  let reordered = 0;
  let received = 0;
  const onData = (receiver, bytes) => {
    const data = mode === 'hub' ? hubData(bytes) : JSON.parse(bytes.toString());
    if (!data || data.s === undefined) return;
    const counted = !data.w; // warm-up messages only advance the order check
    if (counted) {
      latencies.push(performance.now() + performance.timeOrigin - data.t);
      received++;
    }
    const k = `${receiver}:${data.s}`;
    const next = expected.get(k) ?? 0;
    if (data.n === next) expected.set(k, next + 1);
    else if (data.n < next) { if (counted) duplicates++; }
    else { if (counted) reordered++; expected.set(k, data.n + 1); }
  };
  const protocol = mode === 'hub' ? SUBPROTOCOLS[wire] : undefined;
  const sockets = await openMany(to - from, 50, (i) =>
    open(url(mode, target, key, `r${from + i}`, [], [group]), protocol, (data) => onData(from + i, data)));
  parentPort.postMessage({ ready: true });
  parentPort.once('message', () => {
    sockets.forEach((ws) => ws.terminate());
    const sent = Float64Array.from(latencies);
    parentPort.postMessage({ latencies: sent, received, duplicates, reordered }, [sent.buffer]);
  });
} else {
  const [mode, target, key, receiversArg, sendersArg, rateArg, secondsArg] = process.argv.slice(2);
  const receivers = Number(receiversArg ?? 200);
  const senders = Number(sendersArg ?? 20);
  const rate = Number(rateArg ?? 30);
  const seconds = Number(secondsArg ?? 20);
  const threads = Math.max(1, Math.min(receivers, Number(process.env.FANOUT_THREADS ?? 2)));

  const workers = [];
  const ready = [];
  for (let w = 0; w < threads; w++) {
    const from = Math.floor((w * receivers) / threads);
    const to = Math.floor(((w + 1) * receivers) / threads);
    const worker = new Worker(new URL(import.meta.url), { workerData: { mode, target, key, from, to } });
    workers.push(worker);
    ready.push(new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }));
  }
  await Promise.all(ready);
  const protocol = mode === 'hub' ? SUBPROTOCOLS[wire] : undefined;
  // SENDER_TARGET: the senders connect there (node A of a cluster), the receivers to `target` (node B)
  const senderTarget = process.env.SENDER_TARGET || target;
  const senderSockets = await openMany(senders, 20, (i) =>
    open(url(mode, senderTarget, key, `s${i}`, [`webpubsub.sendToGroup.${group}`]), protocol, () => {}));
  await sleep(500);

  const warmup = Number(process.env.WARMUP_SECONDS ?? 0);
  let sent = 0;
  const interval = 1000 / rate;
  const start = performance.now();
  const timers = senderSockets.map((ws, s) => {
    let n = 0;
    const tick = () => {
      const elapsed = performance.now() - start;
      if (elapsed >= (warmup + seconds) * 1000) return;
      // keep the schedule: send every message that is due
      while (n * interval <= elapsed) {
        const w = n * interval < warmup * 1000 ? 1 : undefined; // due in the warm-up: not counted
        const payload = { s, n, w, t: performance.now() + performance.timeOrigin, pad: 'x'.repeat(64) };
        ws.send(mode === 'hub' ? hubSend(payload) : JSON.stringify(payload));
        n++;
        if (!w) sent++;
      }
      setTimeout(tick, Math.max(0, (n * interval) - (performance.now() - start)));
    };
    return setTimeout(tick, (s * interval) / senders);
  });

  await sleep(warmup * 1000);
  const cpuBefore = cpuSeconds(process.env.SUT_PID);
  await sleep(seconds * 1000 + 2000);
  const cpu = cpuSeconds(process.env.SUT_PID) - cpuBefore;
  timers.forEach(clearTimeout);
  const results = await Promise.all(workers.map((worker) => new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage('stop');
  })));
  const latencies = results.flatMap((r) => Array.from(r.latencies)).sort((a, b) => a - b);
  const received = results.reduce((sum, r) => sum + r.received, 0);
  const duplicates = results.reduce((sum, r) => sum + r.duplicates, 0);
  const reordered = results.reduce((sum, r) => sum + r.reordered, 0);
  const expectedDeliveries = sent * receivers;
  const lost = expectedDeliveries - received + duplicates;
  const result = {
    mode, protocol: mode === 'hub' ? wire : undefined, receivers, senders, rate, seconds, warmup, threads, sent, delivered: received, expected: expectedDeliveries,
    lost: Math.max(0, lost), duplicates, reordered,
    perSecond: Math.round(received / seconds),
    p50: +percentile(latencies, 50).toFixed(2), p99: +percentile(latencies, 99).toFixed(2),
    max: +latencies[latencies.length - 1].toFixed(2),
  };
  if (!Number.isNaN(cpu)) {
    result.cpuCores = +(cpu / (seconds + 2)).toFixed(2);
    result.cpuMicrosPerDelivery = +((cpu * 1e6) / Math.max(1, received)).toFixed(2);
  }
  console.log(JSON.stringify(result));
  senderSockets.forEach((ws) => ws.terminate());
  await Promise.all(workers.map((worker) => worker.terminate()));
  process.exit(0);
}
