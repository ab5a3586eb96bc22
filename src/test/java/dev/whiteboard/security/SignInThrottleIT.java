package dev.whiteboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing against the sign-in form and HTTP Basic is slowed down per account and per address (issue 20,
 * item 3), on a server of its own with small thresholds: 3 free failures per account, 6 per address, then a 60 s
 * wait (long enough that the next request certainly falls inside it). The test client is the server's trusted
 * proxy, so each test speaks from addresses of its own ({@code X-Forwarded-For}, documentation range 203.0.113.0/24)
 * and the counts of one test do not touch another's.
 */
class SignInThrottleIT {

    private static final String GUESS = "Tr0ub4dor-guess";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.onOwnDatabase("throttle")
                .withEnvironment("WHITEBOARD_SECURITY_SIGN_IN_ACCOUNT_FREE_FAILURES", "3")
                .withEnvironment("WHITEBOARD_SECURITY_SIGN_IN_ADDRESS_FREE_FAILURES", "6")
                .withEnvironment("WHITEBOARD_SECURITY_SIGN_IN_FIRST_DELAY_SECONDS", "60")
                .withEnvironment("WHITEBOARD_SECURITY_TRUSTED_PROXIES", "127.0.0.1, ::1")
                .startFresh();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theFormAnswers429WithRetryAfterAfterWrongPasswordsAndUnknownUsersGetTheSameAnswers() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Http.Reply real = form("carol", GUESS, "203.0.113.1");
            Http.Reply unknown = form("nobody-at-all", GUESS, "203.0.113.2");
            assertEquals(401, real.status(), real::toString);
            assertEquals(401, unknown.status(), unknown::toString);
            assertEquals(real.text(), unknown.text(), "a wrong password and an unknown user read the same");
        }
        Http.Reply real = form("carol", Http.DEMO_PASSWORD, "203.0.113.1");
        Http.Reply unknown = form("nobody-at-all", GUESS, "203.0.113.2");
        assertThrottled(real);
        assertThrottled(unknown);
        assertEquals(real.json().getString("error"), unknown.json().getString("error"));
        assertEquals(
                form("carol", GUESS, "203.0.113.99").status(),
                form("nobody-at-all", GUESS, "203.0.113.98").status(),
                "the account's wait holds from any address, for a real and an unknown name alike");

        assertEquals(200, form("alice", Http.DEMO_PASSWORD, "203.0.113.3").status(), "other accounts sign in");

        String log = Files.readString(server.log());
        assertTrue(log.contains("Sign-in failed: user \"carol\" from 203.0.113.1 (FORM)"), "a security event");
        assertTrue(log.contains("dev.whiteboard.security.events"), "on the security logger");
        assertFalse(log.contains(GUESS), "never the password");
    }

    @Test
    void httpBasicIsThrottledTheSameWay() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, basic("dave", GUESS, "203.0.113.11").status());
        }
        Http.Reply refused = basic("dave", Http.DEMO_PASSWORD, "203.0.113.11");
        assertThrottled(refused);
        assertEquals(200, basic("bob", Http.DEMO_PASSWORD, "203.0.113.11").status(), "another account still works");
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAgain() {
        // each round from an address of its own: an address's count is not reset by a success (see the next test)
        for (int round = 0; round < 3; round++) {
            String address = "203.0.113.2" + round;
            assertEquals(401, form("bob", GUESS, address).status());
            assertEquals(401, form("bob", GUESS, address).status());
            Http.Reply signedIn = form("bob", Http.DEMO_PASSWORD, address);
            assertEquals(200, signedIn.status(), "two failures in a row are free; round " + round);
        }
        // six failures of the account in all, never three in a row: never refused
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledWithoutLockingOthersOut() {
        for (int i = 1; i <= 6; i++) {
            assertEquals(401, form("sprayed-" + i, GUESS, "203.0.113.31").status());
        }
        assertThrottled(form("alice", Http.DEMO_PASSWORD, "203.0.113.31"));
        assertThrottled(basic("alice", Http.DEMO_PASSWORD, "203.0.113.31"));
        assertEquals(200, form("alice", Http.DEMO_PASSWORD, "203.0.113.32").status(), "alice elsewhere signs in");
    }

    private static void assertThrottled(Http.Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        JsonObject error = reply.json();
        assertEquals(429, error.getInt("status"));
        assertEquals("rate_limited", error.getString("error"));
        assertTrue(error.getString("message").contains("too many failed sign-ins"), error::toString);
    }

    private static Http.Reply form(String name, String password, String address) {
        Http anonymous = Http.anonymous(base());
        return anonymous.send(anonymous
                .request("api/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "fetch")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("name=" + encode(name) + "&password=" + encode(password))));
    }

    private static Http.Reply basic(String name, String password, String address) {
        Http script = Http.withPassword(base(), name, password);
        return script.send(
                script.request("api/boards").header("X-Forwarded-For", address).GET());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI base() {
        return server.baseUri();
    }
}
