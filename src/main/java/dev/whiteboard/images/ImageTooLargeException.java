package dev.whiteboard.images;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** An image whose declared size (pixels over all frames) is over the limit: decoding it would exhaust memory. */
public class ImageTooLargeException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public ImageTooLargeException(String message) {
        super(ErrorKind.TOO_LARGE, message, null);
    }
}
