package dev.whiteboard.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The check every uploaded image asset passes before it is stored: what the bytes are (never what the uploader
 * claims), how large the picture is once decoded, and whether the file is exactly one well-formed image.
 *
 * <p>Width, height and the number of frames come from the header only: the JDK's {@code javax.imageio} readers for
 * PNG, JPEG and GIF (they read the header without decoding pixels), and a small parser of the RIFF container for
 * WebP, which the JDK cannot read. A picture over the caller's pixel limit (width × height × frames: every member's
 * browser decodes all of it) is refused as too large. The container structure is walked to its end marker (PNG
 * {@code IEND} with every chunk's CRC, JPEG {@code EOI}, GIF trailer, WebP's RIFF length): a truncated file, or bytes
 * after the end (PNG followed by HTML, a polyglot some browsers or tools could sniff as a page), is malformed.
 *
 * <p>Stateless and thread-safe; the bytes are only read.
 */
public final class ImageInspector {

    /** What an accepted image is: its format and its decoded size. */
    public record Image(ImageType type, int width, int height, int frames) {

        /** Pixels a viewer decodes: every frame of an animation counts. */
        public long pixels() {
            return (long) width * height * frames;
        }
    }

    private static final byte[] IEND = ascii("IEND");

    private ImageInspector() {}

    /**
     * Inspects {@code bytes}; an {@link Image} when they are exactly one well-formed PNG, JPEG, GIF or WebP of at most
     * {@code maxPixels} pixels (over all frames).
     *
     * @throws MalformedImageException when they are not an accepted image, or a truncated or malformed one, or carry
     *     anything after the image's end
     * @throws ImageTooLargeException when the image declares more pixels than {@code maxPixels}
     */
    public static Image inspect(byte[] bytes, long maxPixels) {
        ImageType type = ImageType.detect(bytes)
                .orElseThrow(() -> new MalformedImageException("not an image: PNG, JPEG, GIF or WebP expected"));
        Image image = switch (type) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case GIF -> gif(bytes);
            case WEBP -> webp(bytes);
        };
        if (image.width() <= 0 || image.height() <= 0 || image.frames() <= 0) {
            throw malformed(type, "it declares no pixels");
        }
        if (tooMany(image, maxPixels)) {
            throw new ImageTooLargeException("the image is " + image.width() + " × " + image.height() + " pixels"
                    + (image.frames() > 1 ? " × " + image.frames() + " frames" : "") + "; at most "
                    + maxPixels / 1_000_000 + " megapixels are accepted");
        }
        return image;
    }

    private static boolean tooMany(Image image, long maxPixels) {
        try {
            return Math.multiplyExact(Math.multiplyExact((long) image.width(), image.height()), image.frames())
                    > maxPixels;
        } catch (ArithmeticException overflow) {
            return true;
        }
    }

    /** Signature, then chunks (length, type, data, CRC) from {@code IHDR} to {@code IEND}, then nothing. */
    private static Image png(byte[] bytes) {
        int pos = 8;
        int frames = 0;
        boolean first = true;
        while (true) {
            if (pos + 12 > bytes.length) {
                throw malformed(ImageType.PNG, "it is truncated (no IEND chunk)");
            }
            long length = u32be(bytes, pos);
            if (length > bytes.length - pos - 12L) {
                throw malformed(ImageType.PNG, "a chunk runs past the end of the file");
            }
            int data = pos + 8;
            int end = data + (int) length;
            if (first && !matches(bytes, pos + 4, ascii("IHDR"))) {
                throw malformed(ImageType.PNG, "it does not start with an IHDR chunk");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32be(bytes, end)) {
                throw malformed(ImageType.PNG, "a chunk's checksum is wrong");
            }
            boolean last = matches(bytes, pos + 4, IEND);
            if (matches(bytes, pos + 4, ascii("fcTL"))) {
                frames++; // an animated PNG (APNG): browsers decode every frame
            }
            first = false;
            pos = end + 4;
            if (last) {
                break;
            }
        }
        requireEndAt(ImageType.PNG, bytes, pos);
        Image header = fromImageIo(ImageType.PNG, "png", bytes, false);
        return new Image(ImageType.PNG, header.width(), header.height(), Math.max(1, frames));
    }

    /** Whatever the segments in between, a JPEG ends with its EOI marker; anything after it is refused. */
    private static Image jpeg(byte[] bytes) {
        int n = bytes.length;
        if (n < 4 || (bytes[n - 2] & 0xff) != 0xff || (bytes[n - 1] & 0xff) != 0xd9) {
            throw malformed(ImageType.JPEG, "it is truncated or has data after its end (no EOI marker at the end)");
        }
        return fromImageIo(ImageType.JPEG, "jpeg", bytes, false);
    }

    /** Header, screen descriptor, colour table, then extension and image blocks up to the trailer, then nothing. */
    private static Image gif(byte[] bytes) {
        int pos = 13;
        if (bytes.length < pos) {
            throw malformed(ImageType.GIF, "it is truncated");
        }
        int screenWidth = u16le(bytes, 6);
        int screenHeight = u16le(bytes, 8);
        pos += colourTable(bytes[10]);
        while (true) {
            if (pos >= bytes.length) {
                throw malformed(ImageType.GIF, "it is truncated (no trailer)");
            }
            int block = bytes[pos] & 0xff;
            if (block == 0x3b) {
                pos++;
                break;
            } else if (block == 0x21) {
                pos = subBlocks(bytes, pos + 2);
            } else if (block == 0x2c) {
                if (pos + 10 > bytes.length) {
                    throw malformed(ImageType.GIF, "it is truncated");
                }
                pos += 10 + colourTable(bytes[pos + 9]) + 1; // descriptor, local table, LZW code size
                pos = subBlocks(bytes, pos);
            } else {
                throw malformed(ImageType.GIF, "it has an unknown block");
            }
        }
        requireEndAt(ImageType.GIF, bytes, pos);
        Image frames = fromImageIo(ImageType.GIF, "gif", bytes, true);
        // a browser draws every frame onto the logical screen: the larger of the two is what it allocates
        return new Image(
                ImageType.GIF,
                Math.max(screenWidth, frames.width()),
                Math.max(screenHeight, frames.height()),
                frames.frames());
    }

    private static int colourTable(byte packed) {
        return (packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
    }

    private static int subBlocks(byte[] bytes, int pos) {
        while (true) {
            if (pos >= bytes.length) {
                throw malformed(ImageType.GIF, "it is truncated");
            }
            int size = bytes[pos] & 0xff;
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
    }

    /**
     * RIFF container: its length field must cover exactly the file; chunks (four-character code, little-endian
     * length, data padded to even) follow {@code WEBP}. The first is {@code VP8 } (lossy: 14-bit sizes in the frame
     * header), {@code VP8L} (lossless: 14-bit sizes minus one after the 0x2f signature) or {@code VP8X} (extended:
     * 24-bit canvas sizes minus one; an animation has one {@code ANMF} chunk per frame).
     */
    private static Image webp(byte[] bytes) {
        if (bytes.length < 20 || u32le(bytes, 4) != bytes.length - 8L) {
            throw malformed(
                    ImageType.WEBP, "its RIFF length does not match the file (truncated, or data after its end)");
        }
        int pos = 12;
        int width = 0;
        int height = 0;
        int frames = 0;
        boolean first = true;
        boolean hasImage = false;
        while (pos < bytes.length) {
            if (pos + 8 > bytes.length) {
                throw malformed(ImageType.WEBP, "a chunk is truncated");
            }
            long size = u32le(bytes, pos + 4);
            if (size > bytes.length - pos - 8L) {
                throw malformed(ImageType.WEBP, "a chunk runs past the end of the file");
            }
            int data = pos + 8;
            if (first) {
                if (matches(bytes, pos, ascii("VP8 ")) && size >= 10) {
                    if ((bytes[data + 3] & 0xff) != 0x9d
                            || (bytes[data + 4] & 0xff) != 0x01
                            || (bytes[data + 5] & 0xff) != 0x2a) {
                        throw malformed(ImageType.WEBP, "its VP8 frame header is wrong");
                    }
                    width = u16le(bytes, data + 6) & 0x3fff;
                    height = u16le(bytes, data + 8) & 0x3fff;
                    hasImage = true;
                } else if (matches(bytes, pos, ascii("VP8L")) && size >= 5) {
                    if ((bytes[data] & 0xff) != 0x2f) {
                        throw malformed(ImageType.WEBP, "its VP8L signature is wrong");
                    }
                    long bits = u32le(bytes, data + 1);
                    width = (int) (bits & 0x3fff) + 1;
                    height = (int) ((bits >>> 14) & 0x3fff) + 1;
                    hasImage = true;
                } else if (matches(bytes, pos, ascii("VP8X")) && size >= 10) {
                    width = u24le(bytes, data + 4) + 1;
                    height = u24le(bytes, data + 7) + 1;
                } else {
                    throw malformed(ImageType.WEBP, "it does not start with a VP8, VP8L or VP8X chunk");
                }
                first = false;
            } else if (matches(bytes, pos, ascii("ANMF"))) {
                frames++;
                hasImage = true;
            } else if (matches(bytes, pos, ascii("VP8 ")) || matches(bytes, pos, ascii("VP8L"))) {
                hasImage = true;
            }
            pos = data + (int) size + (int) (size & 1);
        }
        if (!hasImage) {
            throw malformed(ImageType.WEBP, "it has no image data");
        }
        requireEndAt(ImageType.WEBP, bytes, pos);
        return new Image(ImageType.WEBP, width, height, Math.max(1, frames));
    }

    /** Width and height of the first image, and the number of images when {@code countFrames}, from the header. */
    private static Image fromImageIo(ImageType type, String format, byte[] bytes, boolean countFrames) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // in memory: ImageIO.createImageInputStream could cache the upload in a temporary file
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, false, true);
            int frames = countFrames ? reader.getNumImages(true) : 1;
            int width = 0;
            int height = 0;
            for (int i = 0; i < frames; i++) {
                width = Math.max(width, reader.getWidth(i));
                height = Math.max(height, reader.getHeight(i));
            }
            return new Image(type, width, height, frames);
        } catch (IOException | RuntimeException unreadable) {
            // the JDK's readers throw IIOException, and on some crafted headers runtime exceptions: either way the
            // header does not parse
            throw malformed(type, "its header cannot be read");
        } finally {
            reader.dispose();
        }
    }

    private static void requireEndAt(ImageType type, byte[] bytes, int end) {
        if (end != bytes.length) {
            throw malformed(type, "it has " + (bytes.length - end) + " bytes after the end of the image");
        }
    }

    private static MalformedImageException malformed(ImageType type, String why) {
        return new MalformedImageException("not a well-formed " + type.name() + " image: " + why);
    }

    private static boolean matches(byte[] bytes, int offset, byte[] tag) {
        if (offset < 0 || offset + tag.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < tag.length; i++) {
            if (bytes[offset + i] != tag[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u32be(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static long u32le(byte[] b, int i) {
        return ((long) (b[i + 3] & 0xff) << 24) | ((b[i + 2] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    private static int u24le(byte[] b, int i) {
        return ((b[i + 2] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    private static int u16le(byte[] b, int i) {
        return ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(StandardCharsets.US_ASCII);
    }
}
