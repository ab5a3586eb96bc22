package dev.whiteboard.boards.entity;

/**
 * Every size limit of a board, in one place. The entities and value types check against these when they
 * are built, so nothing over a limit can reach the database whatever the boundary it came through.
 */
public final class Limits {

    /** Longest board title, in characters. */
    public static final int MAX_TITLE_LENGTH = 120;
    /** Longest client-chosen shape id; ids use {@code A-Z a-z 0-9 _ -}. */
    public static final int MAX_SHAPE_ID_LENGTH = 64;
    /** Most points (x,y pairs) in one shape: about a minute of continuous freehand drawing. */
    public static final int MAX_POINTS_PER_SHAPE = 10_000;
    /** Largest absolute coordinate, in canvas units: the canvas is infinite, but not unbounded. */
    public static final double MAX_COORDINATE = 1_000_000;
    /** Longest text of a text shape, in characters. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Longest label of a connector (a line or an arrow), in characters. */
    public static final int MAX_LABEL_LENGTH = 200;
    /** Thinnest and thickest stroke (or font size, for text). */
    public static final double MIN_STROKE_WIDTH = 0.1;

    public static final double MAX_STROKE_WIDTH = 500;
    /** Most live (not removed) shapes on one board. */
    public static final int MAX_SHAPES_PER_BOARD = 50_000;
    /** Largest background image, in bytes (the page downscales before uploading). */
    public static final int MAX_BACKGROUND_BYTES = 10 * 1024 * 1024;
    /**
     * Most pixels a background image may declare (width × height × frames): every member's browser decodes it, at
     * 4 bytes a pixel, so 40 megapixels is 160 MB. A photo from a 40-megapixel camera still fits.
     */
    public static final long MAX_BACKGROUND_PIXELS = 40_000_000L;
    /** Most boards one listing returns. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Most edits (puts and removes) in one batch. */
    public static final int MAX_EDITS_PER_BATCH = 500;
    /** Longest user name stored as creator or author. */
    public static final int MAX_USER_LENGTH = 255;

    private Limits() {}
}
