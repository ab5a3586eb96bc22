package dev.whiteboard.administration;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.WhiteboardException;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.security.accounts.Account;
import dev.whiteboard.security.accounts.Accounts;
import dev.whiteboard.security.oidc.KnownCaller;
import dev.whiteboard.security.oidc.OidcSettings;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/accounts}, for administrators only (403 for everyone else):
 * <ul>
 * <li>{@code GET} — everyone who uses the app: built-in accounts (name, display name, created, disabled, demo,
 * administrator, whether a one-time password is pending), or with OpenID Connect the users the provider vouched for
 * (name, groups, last seen); each with the number of boards they own;</li>
 * <li>{@code POST {"name":"…","displayName":"…"}} — a new account, 201 with its one-time password (shown once; the
 * person chooses their own at the first sign-in); 409 if the name is taken;</li>
 * <li>{@code PATCH /{name} {"disabled":true|false}} — disables (sessions end, live connections close, sign-ins are
 * refused) or re-enables; an administrator cannot disable their own account (409);</li>
 * <li>{@code POST /{name}/password-reset} — a new one-time password.</li>
 * </ul>
 * With OpenID Connect on, the provider manages accounts: the changes answer 409.
 */
@Path("accounts")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    @Inject
    BoardAccess access;

    @Inject
    OidcSettings oidc;

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    /** One person in the list. {@code groups} and {@code seenAt} with OpenID Connect only; the rest built-in only. */
    public record Person(
            String name,
            String displayName,
            OffsetDateTime createdAt,
            Boolean disabled,
            Boolean demo,
            Boolean admin,
            Boolean mustChangePassword,
            List<String> groups,
            OffsetDateTime seenAt,
            long boards) {}

    /** The list, and how accounts are managed here: {@code "built-in"} or {@code "provider"}. */
    public record People(String managedBy, String provider, List<Person> people) {}

    public record NewAccount(String name, String displayName) {}

    public record AccountChange(Boolean disabled) {}

    public record Created(String name, String displayName, String oneTimePassword) {}

    public record Reset(String name, String oneTimePassword) {}

    @GET
    public People list() {
        requireAdministrator();
        Map<String, Long> owned = boardsOwned();
        if (oidc.enabled()) {
            List<Person> known = em
                    .createQuery("SELECT k FROM KnownCaller k ORDER BY k.user", KnownCaller.class)
                    .getResultList()
                    .stream()
                    .map(k -> new Person(
                            k.user(),
                            k.user(),
                            null,
                            null,
                            null,
                            access.administers(k.user()),
                            null,
                            k.groups().stream().sorted().toList(),
                            k.seenAt(),
                            owned.getOrDefault(k.user(), 0L)))
                    .toList();
            return new People("provider", oidc.providerName(), known);
        }
        List<Person> people = accounts.all().stream()
                .map(a -> new Person(
                        a.name(),
                        a.displayName(),
                        a.createdAt(),
                        a.disabled(),
                        a.demo(),
                        accounts.administers(a.name()),
                        a.mustChangePassword(),
                        null,
                        null,
                        owned.getOrDefault(a.name(), 0L)))
                .toList();
        return new People("built-in", null, people);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        requireBuiltInAdministrator();
        NewAccount account = body == null || body.isBlank() ? null : WireJson.readFields(body, NewAccount.class);
        if (account == null || account.name() == null) {
            throw new InvalidInputException("name", "a JSON body is required: {\"name\":\"…\",\"displayName\":\"…\"}");
        }
        Accounts.OneTimePassword made = accounts.create(account.name(), account.displayName());
        return Response.created(uri.getAbsolutePathBuilder().path(made.name()).build())
                .entity(new Created(made.name(), accounts.displayName(made.name()), made.password()))
                .build();
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Person change(@PathParam("name") String name, String body) {
        requireBuiltInAdministrator();
        AccountChange change = body == null || body.isBlank() ? null : WireJson.readFields(body, AccountChange.class);
        if (change == null || change.disabled() == null) {
            throw new InvalidInputException("disabled", "a JSON body is required: {\"disabled\":true} or false");
        }
        Account account = accounts.setDisabled(name, change.disabled(), caller.name());
        return new Person(
                account.name(),
                account.displayName(),
                account.createdAt(),
                account.disabled(),
                account.demo(),
                accounts.administers(account.name()),
                account.mustChangePassword(),
                null,
                null,
                boardsOwned().getOrDefault(account.name(), 0L));
    }

    @POST
    @Path("{name}/password-reset")
    public Reset resetPassword(@PathParam("name") String name) {
        requireBuiltInAdministrator();
        Accounts.OneTimePassword reset = accounts.resetPassword(name);
        return new Reset(reset.name(), reset.password());
    }

    private Map<String, Long> boardsOwned() {
        Map<String, Long> owned = new HashMap<>();
        em.createQuery(
                        "SELECT b.createdBy, COUNT(b) FROM Board b WHERE b.deletedAt IS NULL GROUP BY b.createdBy",
                        Object[].class)
                .getResultList()
                .forEach(row -> owned.put((String) row[0], ((Number) row[1]).longValue()));
        return owned;
    }

    private void requireAdministrator() {
        boolean admin = oidc.enabled() ? access.administers(caller.name()) : accounts.administers(caller.name());
        if (!admin) {
            throw new NotAdministratorException();
        }
    }

    private void requireBuiltInAdministrator() {
        requireAdministrator();
        if (oidc.enabled()) {
            throw new ManagedByProviderException(oidc.providerName());
        }
    }

    static final class NotAdministratorException extends WhiteboardException {
        private static final long serialVersionUID = 1L;

        NotAdministratorException() {
            super(ErrorKind.FORBIDDEN, "only administrators manage accounts", null);
        }
    }

    static final class ManagedByProviderException extends WhiteboardException {
        private static final long serialVersionUID = 1L;

        ManagedByProviderException(String provider) {
            super(ErrorKind.CONFLICT, "accounts are managed by " + provider + " here", null);
        }
    }
}
