package dev.whiteboard.images;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/**
 * Bytes that are not a well-formed image of an accepted format: not an image at all, truncated, a header that
 * does not parse, or anything after the image's end (a polyglot: PNG bytes followed by HTML).
 */
public class MalformedImageException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public MalformedImageException(String message) {
        super(ErrorKind.UNSUPPORTED_TYPE, message, null);
    }
}
