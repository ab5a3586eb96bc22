package dev.whiteboard.hub.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verified client access token says: who the user is (absent for anonymous connections), the
 * Web PubSub roles ({@code webpubsub.joinLeaveGroup}, {@code webpubsub.sendToGroup.board-1}, …), the groups
 * to join at once, when it expires, and any other claims, which are passed on to the {@code connect} event.
 */
public record ClientClaims(
        Optional<String> userId,
        List<String> roles,
        List<String> groups,
        Instant expiresAt,
        Map<String, List<String>> otherClaims) {

    public ClientClaims {
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
        otherClaims = Map.copyOf(otherClaims);
    }
}
