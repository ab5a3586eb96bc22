package dev.whiteboard.chat.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The caller may not read or post in the conversation (not one of the two, not in the room, chat off for viewers). */
public class NotInConversationException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public NotInConversationException(String message) {
        super(ErrorKind.FORBIDDEN, message, "conversation");
    }
}
