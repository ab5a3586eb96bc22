package dev.whiteboard.runtime;

/**
 * How deeply JSON text nests arrays and objects, counted without parsing it. JSON parsers and binders recurse per
 * level: a body of 100,000 {@code [} overflows a thread's stack in JSON-B (a {@code StackOverflowError}) and
 * trips JSON-P's own limit with a bare runtime exception, so text from outside is measured first and refused
 * cleanly. Brackets inside strings (escapes included) do not count; the bytes of UTF-8 multi-byte characters never
 * look like brackets, so the same counter reads bytes or characters.
 *
 * <p>One counter follows one text; it is not thread-safe.
 */
public final class JsonDepth {

    /** Deepest nesting the app's own messages and bodies may have: theirs is at most 5. */
    public static final int MAX_APP_DEPTH = 32;

    private final int max;
    private int depth;
    private boolean inString;
    private boolean escaped;

    public JsonDepth(int max) {
        this.max = max;
    }

    /** Whether {@code text} nests deeper than {@code max} levels. */
    public static boolean exceeds(CharSequence text, int max) {
        JsonDepth counter = new JsonDepth(max);
        for (int i = 0; i < text.length(); i++) {
            if (!counter.accept(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Takes the next character (or byte); false once the nesting went deeper than the limit. */
    public boolean accept(int c) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            depth++;
        } else if (c == ']' || c == '}') {
            depth--;
        }
        return depth <= max;
    }

    public int max() {
        return max;
    }
}
