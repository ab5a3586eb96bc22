package dev.whiteboard.realtime;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a Web PubSub connection string the app needs besides the SDK: the endpoint (whose host names the
 * service in the webhook's abuse-protection handshake) and the access key (which signs the service's webhook
 * calls). Read the way the official SDKs read it: split on {@code ;}, then at the first {@code =}, keys
 * case-insensitive, values trimmed.
 */
public record ConnectionString(URI endpoint, String accessKey) {

    public static ConnectionString parse(String value) {
        Map<String, String> parts = new HashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(
                        part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).strip());
            }
        }
        String endpoint = parts.get("endpoint");
        String key = parts.get("accesskey");
        if (endpoint == null || endpoint.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a Web PubSub connection string needs Endpoint=… and AccessKey=…");
        }
        URI uri = URI.create(endpoint);
        if (uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the connection string's Endpoint must be an http(s) URL: " + endpoint);
        }
        return new ConnectionString(uri, key);
    }

    @Override
    public String toString() {
        return "ConnectionString[endpoint=" + endpoint + ", accessKey=***]";
    }
}
