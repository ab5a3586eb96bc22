package dev.whiteboard.chat.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The room, or the person a direct message is for, does not exist. */
public class ChatNotFoundException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public ChatNotFoundException(String message, String field) {
        super(ErrorKind.NOT_FOUND, message, field);
    }
}
