package dev.whiteboard.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/health} (and {@code HEAD}): 200 with the report when ready, 503 with it otherwise. */
@Path("health")
@RequestScoped
public class HealthResource {

    @Inject
    HealthCheck check;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = check.report();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(report)
                .cacheControl(noStore)
                .build();
    }
}
