package dev.whiteboard.administration;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts people run themselves (issue 21, item 4), over REST on the embedded default (built-in accounts, demo
 * accounts on, so alice, the account made first, administers): an administrator creates an account with a one-time
 * password, which allows nothing but choosing a password; the password rules, each with its message; disabling ends
 * the person's session and refuses their sign-ins, re-enabling lets them back; a reset hands out a new one-time
 * password; everyone else gets 403; bad input gets 400 naming the field. Each test makes accounts of its own, so
 * the demo accounts other tests use stay as they are.
 */
@ExtendWith(SharedServer.class)
class AccountsAdminIT {

    private static final AtomicInteger NONCE = new AtomicInteger();
    private static final String GOOD = "correct horse battery staple";

    private URI base;
    private Http alice;
    private Http bob;

    @BeforeEach
    void connect() {
        base = SharedServer.baseUri();
        alice = Http.as(base, "alice");
        bob = Http.as(base, "bob");
    }

    private static String newName() {
        return "acct" + (System.nanoTime() % 1_000_000_000L) + "n" + NONCE.incrementAndGet();
    }

    /** Creates an account as alice; its one-time password. */
    private String create(String name, String displayName) {
        Http.Reply made =
                alice.postJson("api/accounts", "{\"name\":\"" + name + "\",\"displayName\":\"" + displayName + "\"}");
        assertEquals(201, made.status(), made::toString);
        assertTrue(made.header("Location").endsWith("/api/accounts/" + name), made::toString);
        assertEquals(name, made.json().getString("name"));
        assertEquals(displayName, made.json().getString("displayName"));
        return made.json().getString("oneTimePassword");
    }

    private static Http.Reply changePassword(Http http, String current, String password) {
        return http.putJson(
                "api/account/password",
                Json.createObjectBuilder()
                        .add("currentPassword", current)
                        .add("password", password)
                        .build()
                        .toString());
    }

    private JsonObject listed(String name) {
        Http.Reply list = alice.get("api/accounts");
        assertEquals(200, list.status(), list::toString);
        assertEquals("built-in", list.json().getString("managedBy"));
        return list.json().getJsonArray("people").stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    @Test
    void theFirstAccountAdministersAndListsEveryoneWithTheirState() {
        JsonObject alicesRow = listed("alice");
        assertTrue(alicesRow.getBoolean("admin"), alicesRow::toString);
        assertTrue(alicesRow.getBoolean("demo"), "the demo accounts are marked: " + alicesRow);
        assertFalse(alicesRow.getBoolean("disabled"));
        JsonObject bobsRow = listed("bob");
        assertFalse(bobsRow.getBoolean("admin"), bobsRow::toString);

        JsonObject me = alice.get("api/account").json();
        assertTrue(me.getBoolean("admin"), me::toString);
        assertEquals("built-in", me.getString("managedBy"));
        assertFalse(bob.get("api/account").json().getBoolean("admin"));

        JsonObject method = Http.anonymous(base).get("api/session/method").json();
        assertEquals("password", method.getString("method"));
        assertTrue(method.getJsonArray("demoAccounts").toString().contains("\"alice\""), method::toString);
        assertEquals(Http.DEMO_PASSWORD, method.getString("demoPassword"));
    }

    @Test
    void othersCannotAdministerAccounts() {
        String name = newName();
        assertError(bob.get("api/accounts"), 403, "forbidden", null);
        assertError(
                bob.postJson("api/accounts", "{\"name\":\"" + name + "\",\"displayName\":\"X\"}"),
                403,
                "forbidden",
                null);
        assertError(
                bob.send("PATCH", "api/accounts/carol", "application/json", "{\"disabled\":true}"),
                403,
                "forbidden",
                null);
        assertError(bob.postJson("api/accounts/carol/password-reset", ""), 403, "forbidden", null);
        assertEquals(401, Http.anonymous(base).get("api/accounts").status());
        assertEquals(200, alice.get("api/accounts").status(), "the administrator's list still works");
        assertEquals(
                401,
                Http.withPassword(base, name, "anything at all")
                        .get("api/boards")
                        .status(),
                "no account was made by the refused calls");
    }

    @Test
    void aNewAccountsOneTimePasswordAllowsNothingButChoosingAPassword() {
        String name = newName();
        String oneTime = create(name, "Erin Example");
        JsonObject row = listed(name);
        assertTrue(row.getBoolean("mustChangePassword"), row::toString);
        assertFalse(row.getBoolean("admin"));

        Http erin = Http.withPassword(base, name, oneTime);
        assertError(erin.get("api/boards"), 403, "forbidden", "password");
        assertError(erin.postJson("api/boards", "{\"title\":\"Not yet\"}"), 403, "forbidden", "password");
        assertError(erin.get("api/negotiate?board=x"), 403, "forbidden", "password");
        JsonObject me = erin.get("api/account").json();
        assertTrue(me.getBoolean("mustChangePassword"), me::toString);
        assertEquals("Erin Example", me.getString("displayName"));
        assertTrue(me.getInt("passwordMinLength") >= 8, me::toString);

        // each rule, with its own message, on the field "password"
        assertRefused(changePassword(erin, oneTime, "short"), "at least");
        assertRefused(changePassword(erin, oneTime, "my " + name + " password"), "account's name");
        assertRefused(changePassword(erin, oneTime, "password1234"), "commonly used");
        assertRefused(changePassword(erin, oneTime, "Football2024!!"), "commonly used");
        assertRefused(changePassword(erin, oneTime, "zzzzzzzzzzzzzz"), "repeated");
        assertRefused(changePassword(erin, oneTime, "x".repeat(129)), "at most");
        assertError(changePassword(erin, "not the one-time password", GOOD), 400, "invalid", "currentPassword");
        assertError(
                erin.putJson("api/account/password", "{\"password\":\"" + GOOD + "\",\"extra\":1}"),
                400,
                "invalid",
                "extra");

        assertEquals(204, changePassword(erin, oneTime, GOOD).status());
        assertEquals(401, erin.get("api/boards").status(), "the one-time password is spent");
        Http erinNow = Http.withPassword(base, name, GOOD);
        assertEquals(200, erinNow.get("api/boards").status());
        assertFalse(erinNow.get("api/account").json().getBoolean("mustChangePassword"));
        assertFalse(listed(name).getBoolean("mustChangePassword"));

        // and her own display name
        Http.Reply renamed =
                erinNow.send("PATCH", "api/account", "application/json", "{\"displayName\":\"  Erin E.  \"}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Erin E.", renamed.json().getString("displayName"));
        assertError(
                erinNow.send("PATCH", "api/account", "application/json", "{\"displayName\":\"\"}"),
                400,
                "invalid",
                "displayName");
        assertEquals("Erin E.", listed(name).getString("displayName"));
    }

    @Test
    void disablingEndsTheSessionAndRefusesSignInsUntilReEnabled() throws Exception {
        String name = newName();
        String oneTime = create(name, "Frank Example");
        assertEquals(
                204,
                changePassword(Http.withPassword(base, name, oneTime), oneTime, GOOD)
                        .status());

        Session browser = new Session(base);
        assertEquals(200, browser.signIn(name, GOOD));
        assertEquals(200, browser.get("api/boards"));

        Http.Reply disabled = alice.send("PATCH", "api/accounts/" + name, "application/json", "{\"disabled\":true}");
        assertEquals(200, disabled.status(), disabled::toString);
        assertTrue(disabled.json().getBoolean("disabled"));
        assertEquals(401, browser.get("api/boards"), "the session of a disabled account ends");
        assertEquals(401, Http.withPassword(base, name, GOOD).get("api/boards").status());
        assertEquals(401, new Session(base).signIn(name, GOOD));

        assertError(
                alice.send("PATCH", "api/accounts/alice", "application/json", "{\"disabled\":true}"),
                409,
                "conflict",
                "disabled");
        assertEquals(200, alice.get("api/accounts").status(), "alice is still enabled");

        assertEquals(
                200,
                alice.send("PATCH", "api/accounts/" + name, "application/json", "{\"disabled\":false}")
                        .status());
        assertEquals(200, Http.withPassword(base, name, GOOD).get("api/boards").status());
        assertEquals(200, new Session(base).signIn(name, GOOD));
    }

    @Test
    void aResetHandsOutANewOneTimePassword() {
        String name = newName();
        String first = create(name, "Grace Example");
        assertEquals(
                204,
                changePassword(Http.withPassword(base, name, first), first, GOOD)
                        .status());

        Http.Reply reset = alice.postJson("api/accounts/" + name + "/password-reset", "");
        assertEquals(200, reset.status(), reset::toString);
        String second = reset.json().getString("oneTimePassword");
        assertNotEquals(first, second);
        assertEquals(401, Http.withPassword(base, name, GOOD).get("api/boards").status(), "the old password is gone");
        assertError(Http.withPassword(base, name, second).get("api/boards"), 403, "forbidden", "password");
        assertTrue(listed(name).getBoolean("mustChangePassword"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String name = newName();
        create(name, "Heidi Example");
        assertError(
                alice.postJson("api/accounts", "{\"name\":\"" + name + "\",\"displayName\":\"Again\"}"),
                409,
                "conflict",
                "name");
        assertError(
                alice.postJson("api/accounts", "{\"name\":\"Not Valid!\",\"displayName\":\"X\"}"),
                400,
                "invalid",
                "name");
        assertError(
                alice.postJson("api/accounts", "{\"name\":\"" + newName() + "\",\"displayName\":\"\"}"),
                400,
                "invalid",
                "displayName");
        assertError(
                alice.postJson("api/accounts", "{\"name\":\"" + newName() + "\",\"displayName\":\"X\",\"role\":1}"),
                400,
                "invalid",
                "role");
        assertError(alice.postJson("api/accounts", "{\"displayName\":\"X\"}"), 400, "invalid", "name");
        assertError(
                alice.send("PATCH", "api/accounts/" + name, "application/json", "{\"disabled\":\"yes\"}"),
                400,
                "invalid",
                "disabled");
        assertError(alice.send("PATCH", "api/accounts/" + name, "application/json", "{}"), 400, "invalid", "disabled");
        assertError(
                alice.send("PATCH", "api/accounts/nobody-" + name, "application/json", "{\"disabled\":true}"),
                404,
                "not_found",
                "name");
        assertError(alice.postJson("api/accounts/nobody-" + name + "/password-reset", ""), 404, "not_found", "name");
    }

    private static void assertRefused(Http.Reply reply, String messagePart) {
        JsonObject body = assertError(reply, 400, "invalid", "password");
        assertTrue(body.getString("message").contains(messagePart), body::toString);
    }

    /** A browser's session: the sign-in form, then requests with its cookie. */
    private static final class Session {
        private final URI base;
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Session(URI base) {
            this.base = base;
        }

        int signIn(String name, String password) throws IOException, InterruptedException {
            HttpResponse<String> reply = client.send(
                    HttpRequest.newBuilder(base.resolve("api/session"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Requested-With", "fetch")
                            .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password="
                                    + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() == 200) {
                JsonObject caller =
                        Json.createReader(new StringReader(reply.body())).readObject();
                assertFalse(caller.getBoolean("mustChangePassword"), reply::body);
            }
            return reply.statusCode();
        }

        int get(String path) throws IOException, InterruptedException {
            return client.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .header("X-Requested-With", "fetch")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
