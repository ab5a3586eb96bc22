package dev.whiteboard.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whiteboard.testing.Images;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void recognisesRealImagesByTheirBytes() {
        assertEquals(Optional.of(ImageType.PNG), ImageType.detect(Images.encode("png")));
        assertEquals(Optional.of(ImageType.JPEG), ImageType.detect(Images.encode("jpg")));
        assertEquals(Optional.of(ImageType.GIF), ImageType.detect(Images.encode("gif")));
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of(ImageType.WEBP), ImageType.detect(webp));
    }

    @Test
    void refusesEverythingElse() {
        assertEquals(Optional.empty(), ImageType.detect(new byte[0]));
        assertEquals(
                Optional.empty(),
                ImageType.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                Optional.empty(), ImageType.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), ImageType.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ImageType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    }
}
