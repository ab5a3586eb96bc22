package dev.whiteboard.boards.entity;

import java.util.List;

/**
 * The Web PubSub group of a board, {@code board.<id>}, and the Web PubSub roles each board role gets on it:
 * everyone on the board listens to the group; editors and owners may also publish to it (live strokes, cursors),
 * viewers may not.
 */
public final class BoardGroup {

    private static final String PREFIX = "board.";

    private BoardGroup() {}

    public static String of(String boardId) {
        return PREFIX + boardId;
    }

    public static List<String> webPubSubRoles(String boardId, BoardRole role) {
        String group = of(boardId);
        return role.includes(BoardRole.EDITOR)
                ? List.of("webpubsub.joinLeaveGroup." + group, "webpubsub.sendToGroup." + group)
                : List.of("webpubsub.joinLeaveGroup." + group);
    }
}
