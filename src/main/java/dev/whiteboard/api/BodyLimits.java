package dev.whiteboard.api;

import dev.whiteboard.errors.TooLargeException;
import dev.whiteboard.runtime.JsonDepth;
import dev.whiteboard.wire.WireJson;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounds every REST request body the runtime reads for a resource: at most {@link BodyLimit} bytes (the method's,
 * else its class's, else {@link BodyLimit#DEFAULT_BYTES} for bodies bound to Java types), counted as they are read,
 * so a missing or false {@code Content-Length} changes nothing; and a JSON body at most {@link
 * JsonDepth#MAX_APP_DEPTH} levels deep, measured before the parser recurses into it. Over the limit the rest of the
 * body is read and dropped (up to a bound) before the 413 goes out, so the client sees the answer rather than a
 * stalled upload (Payara's Grizzly was seen to break the next request on the connection otherwise).
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    private static final Logger LOG = Logger.getLogger(BodyLimits.class.getName());
    /** How much of an oversized body is read and dropped before answering: beyond that, the connection goes. */
    private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        BodyLimit declared = declared();
        if (declared == null && InputStream.class.isAssignableFrom(context.getType())) {
            return context.proceed(); // the method reads the raw stream and bounds it itself
        }
        long limit = declared == null ? BodyLimit.DEFAULT_BYTES : declared.value();
        String length = context.getHeaders().getFirst("Content-Length");
        if (length != null && declaredLength(length) > limit + DRAIN_AT_MOST) {
            throw tooLarge(limit, "declared " + length.strip());
        }
        JsonDepth depth = json(context.getMediaType()) ? new JsonDepth(JsonDepth.MAX_APP_DEPTH) : null;
        context.setInputStream(new Bounded(context.getInputStream(), limit, depth));
        return context.proceed();
    }

    private BodyLimit declared() {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Method method = resource.getResourceMethod();
        BodyLimit limit = method.getAnnotation(BodyLimit.class);
        return limit != null ? limit : resource.getResourceClass().getAnnotation(BodyLimit.class);
    }

    private static boolean json(MediaType type) {
        return type == null
                || (type.getType().equals("application")
                        && (type.getSubtype().equals("json")
                                || type.getSubtype().endsWith("+json")));
    }

    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // the container judges a malformed Content-Length; counting still bounds the body
        }
    }

    private static TooLargeException tooLarge(long limit, String seen) {
        LOG.log(Level.INFO, "Refused a request body over {0} bytes ({1})", new Object[] {limit, seen});
        return new TooLargeException("the request body is limited to " + describe(limit) + " here");
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** The body, counted and (for JSON) measured for depth as the reader pulls it. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private final JsonDepth depth;
        private long count;

        Bounded(InputStream in, long limit, JsonDepth depth) {
            super(in);
            this.limit = limit;
            this.depth = depth;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                seen(1);
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                seen(read);
                if (depth != null) {
                    for (int i = offset; i < offset + read; i++) {
                        check(buffer[i]);
                    }
                }
            }
            return read;
        }

        private void check(int b) {
            if (depth != null && !depth.accept(b & 0xff)) {
                throw WireJson.tooDeep();
            }
        }

        private void seen(int read) throws IOException {
            count += read;
            if (count > limit) {
                long drained = 0;
                byte[] sink = new byte[64 * 1024];
                for (int n; drained < DRAIN_AT_MOST && (n = in.read(sink)) > 0; ) {
                    drained += n;
                }
                throw tooLarge(limit, "at least " + (count + drained) + " bytes sent");
            }
        }
    }
}
