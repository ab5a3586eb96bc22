package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Board roles over REST: owners grant, editors draw, viewers only look. */
@ExtendWith(SharedServer.class)
class BoardRolesIT {

    private final Http alice = Http.as(SharedServer.baseUri(), "alice");
    private final Http bob = Http.as(SharedServer.baseUri(), "bob");

    @Test
    void otherSignedInUsersAreEditorsByDefaultUntilAnOwnerSaysOtherwise() {
        String board =
                alice.postJson("api/boards", "{\"title\":\"Roles\"}").json().getString("id");
        assertEquals("editor", bob.get("api/boards/" + board).json().getString("role"));
        assertEquals(
                201,
                bob.putJson("api/boards/" + board + "/shapes/b1", BoardClient.pen("b1"))
                        .status());

        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"viewer\"}");
        assertEquals(200, granted.status(), granted::toString);
        assertEquals("viewer", bob.get("api/boards/" + board).json().getString("role"));
        Http.Reply refused = bob.putJson("api/boards/" + board + "/shapes/b2", BoardClient.pen("b2"));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("forbidden", refused.json().getString("error"));
        assertEquals(403, bob.delete("api/boards/" + board + "/shapes/b1").status());
        assertEquals(
                1,
                bob.get("api/boards/" + board + "/diagram")
                        .json()
                        .getJsonArray("shapes")
                        .size(),
                "viewers still see");

        assertEquals(
                403,
                bob.putJson("api/boards/" + board + "/members/carol", "{\"role\":\"owner\"}")
                        .status(),
                "only owners grant roles");
        JsonObject negotiated = bob.get("api/negotiate?board=" + board).json();
        assertEquals("viewer", negotiated.getString("role"));
        assertEquals(1, negotiated.getJsonArray("permissions").size());
        assertTrue(negotiated.getJsonArray("permissions").getString(0).startsWith("webpubsub.joinLeaveGroup."));

        assertEquals(204, alice.delete("api/boards/" + board + "/members/bob").status());
        assertEquals("editor", bob.get("api/boards/" + board).json().getString("role"));
        JsonArray members = alice.get("api/boards/" + board + "/members").array();
        assertEquals(1, members.size(), members::toString);
        assertEquals("alice", members.getJsonObject(0).getString("user"));
        assertEquals("owner", members.getJsonObject(0).getString("role"));
    }

    @Test
    void rolesAreValidatedAndTheCreatorStaysOwner() {
        String board =
                alice.postJson("api/boards", "{\"title\":\"Roles 2\"}").json().getString("id");
        assertEquals(
                400,
                alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"admin\"}")
                        .status());
        assertEquals(
                400,
                alice.putJson("api/boards/" + board + "/members/alice", "{\"role\":\"viewer\"}")
                        .status());
        assertEquals(
                400,
                alice.putJson("api/boards/" + board + "/members/bad%20name", "{\"role\":\"viewer\"}")
                        .status());
        assertEquals(
                404,
                alice.putJson("api/boards/nosuchboard/members/bob", "{\"role\":\"viewer\"}")
                        .status());
        assertEquals(404, alice.get("api/negotiate?board=nosuchboard").status());
        assertEquals(400, alice.get("api/negotiate").status());
    }
}
