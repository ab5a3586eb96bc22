package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.InvalidInputException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who may be granted a role on a board, apart from how the grant is stored ({@link BoardAccess#grant}): a user id
 * as identity providers write them, or a group ({@code group:<name>}); never the board's creator, who is always an
 * owner; and a user only if {@code mayBeGranted} says so (someone who exists here, or anyone when the identity
 * provider is the directory: {@code KnownUsers}). Groups are not checked: the app knows them only from the provider.
 */
final class Grantable {

    /** User ids that may be granted a role: what identity providers use as names, without spaces or controls. */
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");
    /** Group names that may be granted a role (after the prefix): letters, digits, spaces and . _ @ + -. */
    private static final Pattern GROUP = Pattern.compile("[\\p{L}\\p{N}._@+ -]{1,200}");

    private Grantable() {}

    /**
     * {@code name} as a member of the board created by {@code creator}; {@link InvalidInputException} if it is not a
     * well-formed user id or group, or is the creator; {@link UnknownUserException} for a user who may not be granted.
     */
    static String member(String name, String creator, Predicate<String> mayBeGranted) {
        String member = wellFormed(name);
        if (creator.equals(member)) {
            throw new InvalidInputException("user", "the board's creator is always an owner");
        }
        if (!member.startsWith(BoardAccess.GROUP_PREFIX) && !mayBeGranted.test(member)) {
            throw new UnknownUserException(member);
        }
        return member;
    }

    static String wellFormed(String user) {
        if (user != null && user.startsWith(BoardAccess.GROUP_PREFIX)) {
            if (!GROUP.matcher(user.substring(BoardAccess.GROUP_PREFIX.length()))
                    .matches()) {
                throw new InvalidInputException(
                        "user", "a group is group:<name>, the name 1 to 200 letters, digits," + " spaces or . _ @ + -");
            }
            return user;
        }
        if (user == null || !USER.matcher(user).matches() || user.length() > Limits.MAX_USER_LENGTH) {
            throw new InvalidInputException("user", "a user id is 1 to 255 letters, digits or . _ @ + -");
        }
        return user;
    }
}
