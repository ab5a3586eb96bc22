package dev.whiteboard.hub.boundary;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors of the hub's REST API in the service's shape: {@code {"code":"BadRequest","message":"…"}} with the
 * same code in {@code x-ms-error-code}. Deterministic failures are 4xx, so the SDKs do not retry them.
 */
final class HubRestErrors {

    private HubRestErrors() {}

    static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("x-ms-error-code", code)
                .entity(JSON.createObjectBuilder()
                        .add("code", code)
                        .add("message", message)
                        .build()
                        .toString())
                .build();
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(message, response(400, "BadRequest", message));
    }

    static WebApplicationException notFound(String message) {
        return new WebApplicationException(message, response(404, "NotFound", message));
    }
}
