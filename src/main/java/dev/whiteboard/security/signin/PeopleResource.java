package dev.whiteboard.security.signin;

import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/people?q=bo&limit=10}: people to share a board with, for signed-in callers: built-in accounts and
 * users the identity provider vouched for here, whose user id or display name contains {@code q} (1 to 64
 * characters), at most {@code limit} (1 to {@value KnownUsers#MAX_FOUND}, 10 by default):
 * {@code [{"user":"bob","name":"Bob Berg"}]}.
 */
@Path("people")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    static final int MAX_QUERY_LENGTH = 64;

    @Inject
    KnownUsers knownUsers;

    @Inject
    CurrentCaller caller;

    @GET
    public List<KnownUsers.Person> search(
            @QueryParam("q") String q,
            @QueryParam("limit") @DefaultValue("10") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String limit) {
        caller.name(); // signed in
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("q", "q is 1 to " + MAX_QUERY_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("q", "q cannot contain control characters");
        }
        int most = Integer.parseInt(limit);
        if (most < 1 || most > KnownUsers.MAX_FOUND) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + KnownUsers.MAX_FOUND);
        }
        return knownUsers.search(text, most);
    }
}
