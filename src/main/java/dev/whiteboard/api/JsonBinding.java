package dev.whiteboard.api;

import dev.whiteboard.wire.WireJson;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * REST bodies are read and written with the app's one JSON-B configuration ({@link WireJson}: strict numbers and
 * strings), instead of the runtime's default, which silently truncates and wraps numbers. Jersey (Payara) and
 * RESTEasy (WildFly) both ask a {@code ContextResolver<Jsonb>} before using their own.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonBinding implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return WireJson.jsonb();
    }
}
