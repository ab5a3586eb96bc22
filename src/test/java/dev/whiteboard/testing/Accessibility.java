package dev.whiteboard.testing;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The automated accessibility check of the page tests: axe-core (vendored in {@code src/test/resources/axe}, see its
 * README) is put into the page a {@link Browser} shows, through WebDriver's script execution (never served by the
 * app, so the Content-Security-Policy is not loosened for it), and run over the whole document with the WCAG 2.0 and
 * 2.1 level A and AA rules. Any <em>serious</em> or <em>critical</em> violation fails the test with one line per
 * rule: its id, impact, what it asks, the CSS selectors of the elements at fault and axe's own summary of the first.
 * Moderate and minor findings are not failures.
 */
public final class Accessibility {

    /** The rule sets axe runs: WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The impacts that fail the check. */
    public static final Set<String> FAILING = Set.of("serious", "critical");

    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String AXE = load();

    private Accessibility() {}

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe over the page {@code browser} shows now and fails the test, naming {@code page}, if any serious or
     * critical violation is found. The page must be in the state to check (dialog open, list loaded) beforehand.
     */
    public static void check(Browser browser, String page) {
        List<String> found = violations(browser);
        if (!found.isEmpty()) {
            fail("accessibility (axe-core, " + String.join(", ", TAGS) + ") on " + page + ": " + found.size()
                    + " serious or critical violation(s)\n  " + String.join("\n  ", found));
        }
    }

    /** The serious and critical violations on the page {@code browser} shows now, one readable line each. */
    public static List<String> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            // a function's body for WebDriver: the file's own `var axe` would stay local, so it is put on the window
            browser.script(AXE + "\n;window.axe = axe;");
        }
        browser.driver().manage().timeouts().scriptTimeout(RUN);
        Object answer = browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                        + " resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));",
                TAGS);
        String json = String.valueOf(answer);
        if (!json.startsWith("[")) {
            return fail(json);
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(v -> FAILING.contains(v.getString("impact", "")))
                    .map(Accessibility::describe)
                    .toList();
        }
    }

    private static String describe(JsonObject violation) {
        JsonArray nodes = violation.getJsonArray("nodes");
        String targets = nodes.stream()
                .map(n -> n.asJsonObject().getJsonArray("target").toString())
                .collect(Collectors.joining(" "));
        String first = nodes.isEmpty()
                ? ""
                : nodes.getJsonObject(0).getString("failureSummary", "").replaceAll("\\s+", " ");
        return violation.getString("id") + " (" + violation.getString("impact") + "): "
                + violation.getString("help") + " — " + nodes.size() + " element(s): " + targets + " — first: "
                + first + " — " + violation.getString("helpUrl", "");
    }
}
