package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** An upload that is none of the accepted image formats (judged by its bytes). */
public class NotAnImageException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public NotAnImageException() {
        super(ErrorKind.UNSUPPORTED_TYPE, "not an image: PNG, JPEG, GIF or WebP expected", null);
    }
}
