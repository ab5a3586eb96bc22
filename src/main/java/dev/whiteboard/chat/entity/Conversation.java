package dev.whiteboard.chat.entity;

import dev.whiteboard.errors.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation's key, the one place that reads and writes it: {@code board:<boardId>} (the board's chat),
 * {@code room:<roomId>} (a chat room), {@code dm:<userA>:<userB>} (two people, their ids sorted, so both name the
 * same conversation; {@link #parse} accepts them in either order and {@link #key()} gives the sorted form).
 */
public sealed interface Conversation {

    /** The canonical key. */
    String key();

    record Board(String boardId) implements Conversation {
        @Override
        public String key() {
            return "board:" + boardId;
        }
    }

    record Room(long roomId) implements Conversation {
        @Override
        public String key() {
            return "room:" + roomId;
        }

        /** The room's Web PubSub group, {@code room.<id>}: every connection of its members is in it. */
        public String group() {
            return "room." + roomId;
        }
    }

    /** Two people, {@code a} before {@code b}. */
    record Direct(String a, String b) implements Conversation {
        public Direct {
            if (a.compareTo(b) > 0) {
                String swap = a;
                a = b;
                b = swap;
            }
        }

        @Override
        public String key() {
            return "dm:" + a + ":" + b;
        }

        public boolean includes(String user) {
            return a.equals(user) || b.equals(user);
        }

        /** The other person (for one of the two). */
        public String other(String user) {
            return a.equals(user) ? b : a;
        }
    }

    Pattern BOARD = Pattern.compile("board:([A-Za-z0-9]{1,32})");
    Pattern ROOM = Pattern.compile("room:([0-9]{1,18})");
    Pattern DIRECT = Pattern.compile("dm:([\\p{L}\\p{N}._@+-]{1,255}):([\\p{L}\\p{N}._@+-]{1,255})");

    /** The conversation the key names; {@link InvalidInputException} (field {@code conversation}) when malformed. */
    static Conversation parse(String key) {
        if (key != null) {
            Matcher m = BOARD.matcher(key);
            if (m.matches()) {
                return new Board(m.group(1));
            }
            m = ROOM.matcher(key);
            if (m.matches()) {
                return new Room(Long.parseLong(m.group(1)));
            }
            m = DIRECT.matcher(key);
            if (m.matches() && !m.group(1).equals(m.group(2))) {
                return new Direct(m.group(1), m.group(2));
            }
        }
        throw new InvalidInputException(
                "conversation",
                "a conversation is board:<boardId>, room:<roomId> or dm:<user>:<user> (two different people)");
    }
}
