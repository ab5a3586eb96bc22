package dev.whiteboard.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real, small images encoded by the JDK, for upload and detection tests. */
public final class Images {

    private Images() {}

    /** A 32×16 image with a diagonal line, encoded as {@code format} ({@code png}, {@code jpg}, {@code gif}). */
    public static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            image.setRGB(x, x % 16, 0x2f6fed);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG whose header declares {@code width} × {@code height} pixels (an image bomb when large): the small
     * image's IHDR patched, with its CRC recomputed, so that only the declared size is odd.
     */
    public static byte[] pngDeclaring(int width, int height) {
        byte[] patched = encode("png");
        ByteBuffer buffer = ByteBuffer.wrap(patched);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17); // "IHDR" and its 13 bytes of data
        buffer.putInt(29, (int) crc.getValue());
        return patched;
    }

    /** A well-formed PNG of exactly {@code length} bytes: the small image with a private ancillary chunk of filler. */
    public static byte[] pngOfLength(int length) {
        byte[] png = encode("png");
        int iend = png.length - 12;
        int filler = length - png.length - 12;
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(png, 0, iend);
        out.putInt(filler).put("wbFl".getBytes(StandardCharsets.US_ASCII));
        byte[] data = new byte[filler];
        out.put(data);
        CRC32 crc = new CRC32();
        crc.update("wbFl".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.putInt((int) crc.getValue());
        out.put(png, iend, 12);
        return out.array();
    }
}
