// An independent protobuf client of the built-in hub, for ProtobufNodeIT: protobufjs (not Google's Java library)
// reads src/main/proto/webpubsub.client.proto and encodes and decodes every frame; ws carries them.
//
//   node protobuf-client.mjs <proto file> <client url> <subprotocol> <group> <messages to await>
//
// Connects, joins <group> (ack 1), prints {"ready":…}, prints each data message it receives as one JSON line until
// <messages to await> arrived (on the reliable subprotocol it acknowledges their sequence ids), then publishes text,
// binary, JSON and protobuf data to the group (acks 2 to 5), prints {"acked":[…]} and {"done":true}, and exits.
// Any failure is printed as {"error":…} with exit code 1.
import protobuf from 'protobufjs';
import WebSocket from 'ws';

const [protoFile, url, subprotocol, group, awaitedArg] = process.argv.slice(2);
const awaited = Number(awaitedArg);
const root = protobuf.loadSync(protoFile);
const Upstream = root.lookupType('azure.webpubsub.UpstreamMessage');
const Downstream = root.lookupType('azure.webpubsub.DownstreamMessage');

const print = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const fail = (e) => { print({ error: String(e?.stack ?? e) }); process.exit(1); };
setTimeout(() => fail('timed out'), 20000).unref();

const ws = new WebSocket(url, subprotocol, { perMessageDeflate: false });
const send = (message) => {
  const error = Upstream.verify(message);
  if (error) fail(error);
  ws.send(Upstream.encode(Upstream.create(message)).finish());
};
const acks = new Map();
const ack = (id) => new Promise((resolve) => acks.set(id, resolve));
let received = 0;

ws.on('error', fail);
ws.on('close', (code) => { if (code !== 1000 && code !== 1005) fail(`closed ${code}`); });
ws.on('message', async (bytes, isBinary) => {
  try {
    if (!isBinary) fail('a text frame on a protobuf subprotocol');
    const message = Downstream.toObject(Downstream.decode(bytes), { longs: Number, bytes: String, oneofs: true });
    if (message.message === 'systemMessage' && message.systemMessage.message === 'connectedMessage') {
      const connected = message.systemMessage.connectedMessage;
      send({ joinGroupMessage: { group, ackId: 1 } });
      await ack(1);
      print({ ready: true, connectionId: connected.connectionId, userId: connected.userId,
        reconnectionToken: connected.reconnectionToken ?? '' });
      if (awaited === 0) await publish();
    } else if (message.message === 'ackMessage') {
      const { ackId, success, error } = message.ackMessage;
      if (!success) fail(`ack ${ackId} failed: ${JSON.stringify(error)}`);
      acks.get(ackId)?.(ackId);
    } else if (message.message === 'dataMessage') {
      const data = message.dataMessage;
      print({ from: data.from, group: data.group, sequenceId: data.sequenceId, dataCase: data.data.data,
        value: data.data[data.data.data] });
      if (data.sequenceId !== undefined) send({ sequenceAckMessage: { sequenceId: data.sequenceId } });
      if (++received === awaited) await publish();
    }
  } catch (e) {
    fail(e);
  }
});

async function publish() {
  const data = [
    { textData: 'text from node' },
    { binaryData: Buffer.from([1, 2, 3, 0xff]) },
    { jsonData: '{"from":"node","n":[1,2]}' },
    // an Any as Microsoft's reference shows it: a message with int32 value = 1 (field 1, varint 1)
    { protobufData: { type_url: 'type.googleapis.com/azure.webpubsub.TestMessage', value: Buffer.from([0x08, 0x01]) } },
  ];
  const acked = await Promise.all(data.map((d, i) => {
    const done = ack(i + 2);
    send({ sendToGroupMessage: { group, ackId: i + 2, noEcho: true, data: d } });
    return done;
  }));
  print({ acked });
  print({ done: true });
  ws.close(1000);
  setTimeout(() => process.exit(0), 200);
}
