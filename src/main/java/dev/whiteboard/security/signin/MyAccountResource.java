package dev.whiteboard.security.signin;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.WhiteboardException;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.security.accounts.Account;
import dev.whiteboard.security.accounts.AccountSettings;
import dev.whiteboard.security.accounts.Accounts;
import dev.whiteboard.security.oidc.OidcSettings;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/account}: the caller's own account. {@code GET} → who they are, whether they administer the accounts,
 * whether a one-time password must be changed, and the password rules' minimum length; {@code PATCH
 * {"displayName":"…"}} renames; {@code PUT /password {"currentPassword":"…","password":"…"}} → 204 once the new
 * password passes the rules (400 naming the rule it breaks, or {@code currentPassword} when that is wrong). With
 * OpenID Connect the provider keeps names and passwords: the changes answer 409.
 */
@Path("account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyAccountResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    @Inject
    AccountSettings settings;

    @Inject
    OidcSettings oidc;

    public record Me(
            String name,
            String displayName,
            String managedBy,
            boolean admin,
            boolean mustChangePassword,
            int passwordMinLength) {}

    public record NewName(String displayName) {}

    public record NewPassword(String currentPassword, String password) {}

    @GET
    public Me me() {
        String name = caller.name();
        if (oidc.enabled()) {
            return new Me(name, name, "provider", false, false, 0);
        }
        Account account = accounts.find(name).orElseThrow(() -> new NoAccountException(name));
        return new Me(
                name,
                account.displayName(),
                "built-in",
                accounts.administers(name),
                account.mustChangePassword(),
                settings.passwordRules().minLength());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Me rename(String body) {
        builtInOnly();
        NewName change = body == null || body.isBlank() ? null : WireJson.readFields(body, NewName.class);
        if (change == null || change.displayName() == null) {
            throw new InvalidInputException("displayName", "a JSON body is required: {\"displayName\":\"…\"}");
        }
        accounts.rename(caller.name(), change.displayName());
        return me();
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(String body) {
        builtInOnly();
        NewPassword change = body == null || body.isBlank() ? null : WireJson.readFields(body, NewPassword.class);
        if (change == null || change.password() == null) {
            throw new InvalidInputException(
                    "password", "a JSON body is required: {\"currentPassword\":\"…\",\"password\":\"…\"}");
        }
        accounts.changePassword(caller.name(), change.currentPassword(), change.password());
        return Response.noContent().build();
    }

    private void builtInOnly() {
        if (oidc.enabled()) {
            throw new ManagedElsewhereException(oidc.providerName());
        }
    }

    static final class ManagedElsewhereException extends WhiteboardException {
        private static final long serialVersionUID = 1L;

        ManagedElsewhereException(String provider) {
            super(ErrorKind.CONFLICT, "your name and password are managed by " + provider, null);
        }
    }

    static final class NoAccountException extends WhiteboardException {
        private static final long serialVersionUID = 1L;

        NoAccountException(String name) {
            super(ErrorKind.NOT_FOUND, "there is no built-in account named " + name, null);
        }
    }
}
