package dev.whiteboard.boards.boundary;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.TooLargeException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading an uploaded image's bytes (a background, an asset) from a raw request body, at most a limit. An oversized
 * body is read and dropped (up to a bound) before the 413, so the connection stays usable: answering while the client
 * is still sending was seen to break the next request on Payara's Grizzly.
 */
final class ImageUploads {

    private ImageUploads() {}

    /** The body's bytes: at least one, at most {@code limit} (413 over it, 400 when empty or unreadable). */
    static byte[] read(InputStream body, String contentLength, int limit) {
        long drainAtMost = 4L * limit;
        if (declaredLength(contentLength) > limit + drainAtMost) {
            throw tooLarge(limit);
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                byte[] sink = new byte[64 * 1024];
                long drained = 0;
                for (int read; drained < drainAtMost && (read = in.read(sink)) > 0; ) {
                    drained += read;
                }
                throw tooLarge(limit);
            }
            if (bytes.length == 0) {
                throw new InvalidInputException(null, "the body must be the image");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(null, "the body could not be read"); // the container's words stay inside
        }
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Content-Length", "Content-Length must be a number");
        }
    }

    private static TooLargeException tooLarge(int limit) {
        return new TooLargeException("images are limited to "
                + (limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB" : limit + " bytes"));
    }
}
