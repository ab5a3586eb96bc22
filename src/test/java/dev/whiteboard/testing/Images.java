package dev.whiteboard.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
}
