package dev.whiteboard.boards.entity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Board ids: ten characters from an alphabet without look-alikes (no 0/o, 1/l/i), safe in a URL, a Web
 * PubSub group name and a file name. About 8·10^14 possibilities, drawn from a secure random source.
 */
public final class BoardId {

    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final int LENGTH = 10;
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BoardId() {}

    public static String generate() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** Whether the value could name a board at all; anything else is unknown without asking the database. */
    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }
}
