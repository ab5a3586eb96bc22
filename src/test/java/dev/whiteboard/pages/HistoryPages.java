package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the version history's page tests ask of the app (REST) and of a board page with the history panel. */
final class HistoryPages {

    static final String RECT_A = "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}";
    static final String RECT_B = "{\"kind\":\"rectangle\",\"points\":[300,100,400,160]}";
    static final String ELLIPSE = "{\"kind\":\"ellipse\",\"points\":[100,300,220,380]}";
    static final String NOTE = "{\"kind\":\"note\",\"text\":\"Keep me\",\"points\":[500,100,650,250]}";

    private HistoryPages() {}

    static Http http(String user) {
        return Http.as(AppServer.baseUri(), user);
    }

    static void put(Http http, String board, String id, String json) {
        Http.Reply reply = http.putJson("api/boards/" + board + "/shapes/" + id, json);
        assertTrue(reply.status() == 200 || reply.status() == 201, reply::toString);
    }

    static void remove(Http http, String board, String id) {
        Http.Reply reply = http.delete("api/boards/" + board + "/shapes/" + id);
        assertTrue(reply.status() / 100 == 2, reply::toString);
    }

    /** Saves a named version through the REST API; its id. */
    static String saveVersion(Http http, String board, String label) {
        Http.Reply reply = http.postJson("api/boards/" + board + "/versions", "{\"label\":\"" + label + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    /** The board's versions as the app lists them (first page, newest first). */
    static List<JsonObject> versions(Http http, String board) {
        Http.Reply reply = http.get("api/boards/" + board + "/versions?limit=100");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("versions").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    /** The shapes of a version as the app serves them, by id. */
    static Map<String, JsonObject> versionShapes(Http http, String board, String versionId) {
        Http.Reply reply = http.get("api/boards/" + board + "/versions/" + versionId);
        assertEquals(200, reply.status(), reply::toString);
        return byId(reply.json().getJsonArray("shapes").stream()
                .map(JsonValue::asJsonObject)
                .toList());
    }

    /** The stored shapes of the live board, by id. */
    static Map<String, JsonObject> stored(Http http, String board) {
        return byId(http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes").stream()
                .map(JsonValue::asJsonObject)
                .toList());
    }

    static Set<String> storedIds(Http http, String board) {
        return new TreeSet<>(stored(http, board).keySet());
    }

    static Map<String, JsonObject> byId(List<JsonObject> shapes) {
        return shapes.stream().collect(Collectors.toMap(s -> s.getString("id"), Function.identity()));
    }

    /** The ids of the shapes the page shows (of the previewed version, while there is one). */
    @SuppressWarnings("unchecked")
    static Set<String> shownIds(Browser browser) {
        return new TreeSet<>((List<String>) browser.script("return window.whiteboard.visibleShapes().map(s => s.id);"));
    }

    /** The ids of the shapes of the live board as the page keeps it (under a preview too). */
    @SuppressWarnings("unchecked")
    static Set<String> liveIds(Browser browser) {
        return new TreeSet<>((List<String>) browser.script("return [...window.whiteboard.state.shapes.keys()];"));
    }

    static void awaitShown(Browser browser, Set<String> ids) {
        browser.await(d -> shownIds(browser).equals(ids) ? true : null);
    }

    static void openPanel(Browser browser) {
        browser.find(By.id("history-button")).click();
        browser.find(By.id("history-heading"));
        // the list (empty, so not displayed, when there are no versions yet) has loaded
        browser.await(d -> "false"
                        .equals(d.findElement(By.cssSelector("#history [data-history='versions']"))
                                .getAttribute("aria-busy"))
                ? true
                : null);
    }

    static WebElement versionItem(Browser browser, String versionId) {
        return browser.find(By.cssSelector("#history li.version[data-version-id='" + versionId + "']"));
    }

    /** The ids of the versions the panel lists, in its order (folded runs of automatic versions included). */
    @SuppressWarnings("unchecked")
    static List<String> listedVersions(Browser browser) {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#history li.version')].map(li => li.dataset.versionId);");
    }

    static void preview(Browser browser, String versionId) {
        versionItem(browser, versionId)
                .findElement(By.cssSelector(".version-open"))
                .click();
        browser.find(By.cssSelector("body[data-preview='" + versionId + "'] #preview-banner"));
    }

    /** Opens the menu (⋯) of a listed version and clicks its item {@code action} (preview, compare-live, …). */
    static void versionAction(Browser browser, String versionId, String action) {
        versionItem(browser, versionId)
                .findElement(By.cssSelector(".version-more"))
                .click();
        browser.find(By.cssSelector("#version-menu [data-action='" + action + "']"))
                .click();
    }
}
