package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/**
 * A role was granted to a user id that names nobody (no built-in account, and sign-in is not OpenID Connect, where
 * users not seen yet may be granted): refused rather than stored for a typo or for a name someone may take later.
 */
public class UnknownUserException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public UnknownUserException(String user) {
        super(
                ErrorKind.NOT_FOUND,
                "there is no user '" + user + "'; roles go to existing users or to group:<name>",
                "user");
    }
}
