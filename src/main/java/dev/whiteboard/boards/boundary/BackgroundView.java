package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.Board;

/**
 * Where a board's background image is: {@code {"url":"api/boards/k3m9x2p7qa/background?v=9f2c…",
 * "contentType":"image/png"}}. The URL is relative to the app, and changes whenever the image does.
 */
public record BackgroundView(String url, String contentType) {

    static BackgroundView of(Board board) {
        return board.backgroundRef()
                .map(ref -> new BackgroundView(
                        "api/boards/" + board.id() + "/background?v=" + ref,
                        board.backgroundType().orElseThrow()))
                .orElse(null);
    }
}
