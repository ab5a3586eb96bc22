package dev.whiteboard.realtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Moves a client access URL onto the address browsers use. The SDK makes the URL from the service endpoint of the
 * connection string ({@code ws://localhost:8080/client/hubs/whiteboard?access_token=…}); behind a gateway, browsers
 * reach the same path under another scheme, host, port and path prefix ({@code
 * wss://board.example.com/whiteboard/client/hubs/whiteboard?access_token=…}). The token does not name the host,
 * so the URL stays valid.
 */
public final class ClientUrls {

    private ClientUrls() {}

    /**
     * {@code accessUrl} with the part after {@code serviceEndpoint}'s path moved under {@code clientBase}; the
     * scheme becomes {@code wss} for https/wss bases and {@code ws} otherwise.
     */
    public static URI rebase(URI accessUrl, URI serviceEndpoint, URI clientBase) {
        String servicePath = trimSlash(serviceEndpoint.getRawPath());
        String path = accessUrl.getRawPath() == null ? "" : accessUrl.getRawPath();
        String rest = path.startsWith(servicePath + "/") ? path.substring(servicePath.length()) : path;
        String scheme = clientBase.getScheme().toLowerCase(Locale.ROOT);
        String secure = scheme.equals("https") || scheme.equals("wss") ? "wss" : "ws";
        String query = accessUrl.getRawQuery() == null ? "" : "?" + accessUrl.getRawQuery();
        try {
            return new URI(
                    secure + "://" + clientBase.getRawAuthority() + trimSlash(clientBase.getRawPath()) + rest + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot move " + accessUrl + " under " + clientBase, e);
        }
    }

    private static String trimSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
