package dev.whiteboard.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.testing.Images;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private static final long LIMIT = 40_000_000L;

    @Test
    void realImagesPassWithTheirSizeReadFromTheHeader() {
        for (String format : new String[] {"png", "jpg", "gif"}) {
            ImageInspector.Image image = ImageInspector.inspect(Images.encode(format), LIMIT);
            assertEquals(32, image.width(), format);
            assertEquals(16, image.height(), format);
            assertEquals(1, image.frames(), format);
        }
        assertEquals(
                ImageType.JPEG,
                ImageInspector.inspect(Images.encode("jpg"), LIMIT).type());
    }

    @Test
    void aPngDeclaringTwentyThousandSquaredPixelsIsTooLarge() {
        byte[] bomb = Images.pngDeclaring(20_000, 20_000);
        ImageTooLargeException e =
                assertThrows(ImageTooLargeException.class, () -> ImageInspector.inspect(bomb, LIMIT));
        assertEquals(ErrorKind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("20000 × 20000"), e.getMessage());
    }

    @Test
    void aPngWithTheLargestHeaderIsTooLargeNotAnOverflow() {
        byte[] bomb = Images.pngDeclaring(Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThrows(ImageTooLargeException.class, () -> ImageInspector.inspect(bomb, LIMIT));
    }

    @Test
    void aPngJustUnderTheLimitPasses() {
        byte[] big = Images.pngDeclaring(8_000, 5_000);
        assertEquals(40_000_000L, ImageInspector.inspect(big, LIMIT).pixels());
        assertThrows(ImageTooLargeException.class, () -> ImageInspector.inspect(big, LIMIT - 1));
    }

    @Test
    void aPngWithAncillaryChunksPasses() {
        assertEquals(
                32, ImageInspector.inspect(Images.pngOfLength(100_000), LIMIT).width());
    }

    @Test
    void aPngFollowedByHtmlIsMalformed() {
        byte[] polyglot =
                concat(Images.encode("png"), "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        MalformedImageException e =
                assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(polyglot, LIMIT));
        assertEquals(ErrorKind.UNSUPPORTED_TYPE, e.kind());
        assertTrue(e.getMessage().contains("after the end"), e.getMessage());
    }

    @Test
    void truncatedImagesAreMalformed() {
        for (String format : new String[] {"png", "jpg", "gif"}) {
            byte[] whole = Images.encode(format);
            byte[] cut = Arrays.copyOf(whole, whole.length - 3);
            assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(cut, LIMIT), format);
            byte[] headerOnly = Arrays.copyOf(whole, 20);
            assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(headerOnly, LIMIT), format);
        }
    }

    @Test
    void trailingBytesAfterJpegAndGifAreMalformed() {
        for (String format : new String[] {"jpg", "gif"}) {
            byte[] polyglot = concat(Images.encode(format), "<html>".getBytes(StandardCharsets.UTF_8));
            assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(polyglot, LIMIT), format);
        }
    }

    @Test
    void aPngWithABrokenChecksumIsMalformed() {
        byte[] png = Images.encode("png");
        png[20] ^= 0x01; // inside IHDR's data, CRC left as it was
        assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(png, LIMIT));
    }

    @Test
    void aGifDeclaringAHugeScreenIsTooLarge() {
        byte[] gif = Images.encode("gif");
        gif[6] = (byte) 0xff; // logical screen 65535 × 65535
        gif[7] = (byte) 0xff;
        gif[8] = (byte) 0xff;
        gif[9] = (byte) 0xff;
        assertThrows(ImageTooLargeException.class, () -> ImageInspector.inspect(gif, LIMIT));
    }

    @Test
    void webpHeadersAreReadForTheThreeKindsOfWebp() {
        ImageInspector.Image lossless = ImageInspector.inspect(webp("VP8L", vp8l(640, 480)), LIMIT);
        assertEquals(ImageType.WEBP, lossless.type());
        assertEquals(640, lossless.width());
        assertEquals(480, lossless.height());
        ImageInspector.Image lossy = ImageInspector.inspect(webp("VP8 ", vp8(300, 200)), LIMIT);
        assertEquals(300, lossy.width());
        assertEquals(200, lossy.height());
        byte[] extended = webp(chunk("VP8X", vp8x(1024, 768)), chunk("VP8L", vp8l(1024, 768)));
        assertEquals(1024L * 768, ImageInspector.inspect(extended, LIMIT).pixels());
    }

    @Test
    void aWebpCanvasOverTheLimitIsTooLarge() {
        byte[] bomb = webp(chunk("VP8X", vp8x(16_000, 16_000)), chunk("VP8L", vp8l(16, 16)));
        assertThrows(ImageTooLargeException.class, () -> ImageInspector.inspect(bomb, LIMIT));
    }

    @Test
    void everyFrameOfAnAnimatedWebpCounts() {
        byte[] frame = chunk("ANMF", new byte[16]);
        byte[] anim = webp(chunk("VP8X", vp8x(3_000, 3_000)), frame, frame, frame);
        assertEquals(3, ImageInspector.inspect(anim, LIMIT).frames());
        assertThrows(ImageTooLargeException.class, () -> ImageInspector.inspect(anim, 26_000_000L));
    }

    @Test
    void aWebpWhoseRiffLengthDoesNotCoverTheFileIsMalformed() {
        byte[] webp = webp("VP8L", vp8l(64, 64));
        byte[] trailing = concat(webp, "<html>".getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(trailing, LIMIT));
        byte[] cut = Arrays.copyOf(webp, webp.length - 2);
        assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(cut, LIMIT));
        byte[] wrongSignature = webp("VP8 ", new byte[10]);
        assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(wrongSignature, LIMIT));
    }

    @Test
    void whatIsNotAnImageIsMalformed() {
        assertThrows(
                MalformedImageException.class,
                () -> ImageInspector.inspect("<svg/>".getBytes(StandardCharsets.UTF_8), LIMIT));
        assertThrows(MalformedImageException.class, () -> ImageInspector.inspect(new byte[0], LIMIT));
    }

    private static byte[] vp8l(int width, int height) {
        int bits = (width - 1) | ((height - 1) << 14);
        ByteBuffer data = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        data.put((byte) 0x2f).putInt(bits);
        return data.array();
    }

    private static byte[] vp8(int width, int height) {
        ByteBuffer data = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        data.put(new byte[] {0, 0, 0, (byte) 0x9d, 0x01, 0x2a})
                .putShort((short) width)
                .putShort((short) height);
        return data.array();
    }

    private static byte[] vp8x(int width, int height) {
        byte[] data = new byte[10];
        data[0] = 0x02; // animation flag (not checked)
        put24(data, 4, width - 1);
        put24(data, 7, height - 1);
        return data;
    }

    private static void put24(byte[] data, int at, int value) {
        data[at] = (byte) value;
        data[at + 1] = (byte) (value >> 8);
        data[at + 2] = (byte) (value >> 16);
    }

    private static byte[] webp(String fourcc, byte[] data) {
        return webp(chunk(fourcc, data));
    }

    private static byte[] webp(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteBuffer riff = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size()).put(body.toByteArray());
        return riff.array();
    }

    private static byte[] chunk(String fourcc, byte[] data) {
        ByteBuffer chunk =
                ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourcc.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data);
        return chunk.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
