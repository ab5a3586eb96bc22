package dev.whiteboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes a resource method (or every method of a resource class) reads as its request body; more is
 * answered 413 by {@link BodyLimits}, whether the client declared a {@code Content-Length} or streamed the body.
 * Without it, a body bound from JSON is limited to {@link #DEFAULT_BYTES}; a method that takes the raw
 * {@code InputStream} and sets no limit bounds its own reading (a background upload, the hub's messages).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /**
     * 1 MiB: the largest JSON body the app's own requests need is a shape of 10,000 points (about 250 KB); a
     * board title is 120 characters.
     */
    long DEFAULT_BYTES = 1024 * 1024;

    /** The limit, in bytes. */
    long value();
}
