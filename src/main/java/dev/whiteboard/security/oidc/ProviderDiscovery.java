package dev.whiteboard.security.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The provider's discovery document ({@code <provider-uri>/.well-known/openid-configuration}): read on first use,
 * kept once read, read again after a failure. Thread-safe.
 */
@ApplicationScoped
public class ProviderDiscovery {

    @Inject
    OidcSettings settings;

    private volatile JsonObject document;

    /** The document; {@link IllegalStateException} when the provider cannot be reached or answers with an error. */
    public JsonObject document() {
        JsonObject known = document;
        if (known == null) {
            known = read();
            document = known;
        }
        return known;
    }

    private JsonObject read() {
        URI uri = URI.create(settings.getProviderUri() + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the identity provider answered " + response.statusCode() + " at " + uri);
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "the identity provider's discovery document at " + uri + " is not a JSON object: "
                                + e.getMessage(),
                        e);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the identity provider is not reachable at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + uri, e);
        }
    }
}
