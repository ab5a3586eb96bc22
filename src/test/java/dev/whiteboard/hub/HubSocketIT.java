package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import dev.whiteboard.testing.SharedServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's WebSocket protocol (RFC 6455) byte by byte, with a raw TCP client: what no well-behaved client library
 * sends (unmasked frames, text that is not UTF-8, an old protocol version) and the close handshake as the RFC has it.
 */
@ExtendWith(SharedServer.class)
class HubSocketIT {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Test
    void anOldProtocolVersionIsRefusedWith426NamingVersion13() throws IOException {
        try (RawClient client = new RawClient()) {
            String response = client.handshake(url(), "8");
            assertTrue(response.startsWith("HTTP/1.1 426"), response);
            assertTrue(response.toLowerCase().contains("sec-websocket-version: 13"), response);
        }
    }

    @Test
    void theHandshakeIsAnsweredAsTheRfcSaysAndAFragmentedMessageWithAPingBetweenItsPiecesArrivesWhole()
            throws Exception {
        try (RawClient client = new RawClient()) {
            String response = client.handshake(url(), "13");
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            String accept = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((KEY + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                    .getBytes(StandardCharsets.US_ASCII)));
            assertTrue(response.contains("Sec-WebSocket-Accept: " + accept), response);
            assertTrue(response.contains("Sec-WebSocket-Protocol: json.webpubsub.azure.v1"), response);
            assertTrue(client.readText().contains("\"event\":\"connected\""));

            client.send(false, 0x1, true, "{\"type\":".getBytes(StandardCharsets.UTF_8));
            client.send(true, 0x9, true, "hi".getBytes(StandardCharsets.UTF_8));
            client.send(true, 0x0, true, "\"ping\"}".getBytes(StandardCharsets.UTF_8));
            Frame pong = client.read();
            assertEquals(0xA, pong.opcode(), "the ping is answered at once");
            assertEquals("hi", new String(pong.payload(), StandardCharsets.UTF_8));
            assertEquals("{\"type\":\"pong\"}", client.readText(), "the pieces make one message");

            client.send(true, 0x8, true, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'});
            Frame close = client.read();
            assertEquals(0x8, close.opcode());
            assertEquals(1000, close.code(), "the close is answered with its code");
            assertEquals(-1, client.in.read(), "then the server closes the connection");
        }
    }

    @Test
    void anUnmaskedFrameIsAProtocolErrorAndTextThatIsNotUtf8IsClosedWith1007() throws Exception {
        try (RawClient client = new RawClient()) {
            client.handshake(url(), "13");
            client.readText();
            client.send(true, 0x1, false, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(1002, client.readClose());
        }
        try (RawClient client = new RawClient()) {
            client.handshake(url(), "13");
            client.readText();
            client.send(true, 0x1, true, new byte[] {'{', (byte) 0xC3, 0x28, '}'});
            assertEquals(1007, client.readClose());
        }
    }

    private static String url() {
        WebPubSubServiceClient sdk = SharedServer.hubClient("Whiteboard");
        return sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("raw"))
                .getUrl();
    }

    private record Frame(int opcode, byte[] payload) {
        int code() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    /** A WebSocket client written out by hand: it sends what it is told, masked or not. */
    private static final class RawClient implements AutoCloseable {
        private Socket socket;
        private DataInputStream in;
        private OutputStream out;

        String handshake(String url, String version) throws IOException {
            URI uri = URI.create(url);
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                            + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: " + version + "\r\n"
                            + "Sec-WebSocket-Protocol: json.webpubsub.azure.v1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return headers(in);
        }

        void send(boolean fin, int opcode, boolean masked, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write((fin ? 0x80 : 0) | opcode);
            frame.write((masked ? 0x80 : 0) | payload.length); // short payloads only
            byte[] mask = {0x11, 0x22, 0x33, 0x44};
            if (masked) {
                frame.write(mask);
            }
            for (int i = 0; i < payload.length; i++) {
                frame.write(masked ? payload[i] ^ mask[i & 3] : payload[i]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next frame, past the server's keep-alive pings (the shared server pings every 2 s). */
        Frame read() throws IOException {
            Frame frame;
            do {
                frame = readAny();
            } while (frame.opcode() == 0x9);
            return frame;
        }

        private Frame readAny() throws IOException {
            int first = in.readUnsignedByte();
            int length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = (int) in.readLong();
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame(first & 0x0F, payload);
        }

        String readText() throws IOException {
            Frame frame = read();
            assertEquals(0x1, frame.opcode());
            return new String(frame.payload(), StandardCharsets.UTF_8);
        }

        /** The close code, after any frames before it. */
        int readClose() throws IOException {
            Frame frame;
            do {
                frame = read();
            } while (frame.opcode() != 0x8);
            return frame.code();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }

        private static String headers(InputStream in) throws IOException {
            StringBuilder text = new StringBuilder();
            while (!text.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                text.append((char) b);
            }
            return text.toString();
        }
    }
}
