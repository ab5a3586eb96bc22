package dev.whiteboard.hub.session;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.protocol.ClientFrameDecoder;
import dev.whiteboard.hub.protocol.DataType;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.runtime.LocalHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * The hub's sending for an app in the same server ({@link LocalHub}): what the REST API's
 * {@code groups/{group}/:send} and {@code users/{user}/:send} do with a JSON body of at most 1 MB, called directly.
 */
@ApplicationScoped
public class InProcessSending implements LocalHub {

    private static final int MAX_BODY_CHARS = 1024 * 1024;

    @Inject
    Hub hubs;

    @Inject
    HubSettings settings;

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void sendToGroup(String hub, String group, String json) {
        if (!ClientFrameDecoder.isValidGroup(group)) {
            throw new IllegalArgumentException("group names are 1 to " + ClientFrameDecoder.MAX_GROUP_LENGTH
                    + " characters, not only white space");
        }
        hubs.sendToGroup(HubSettings.normalise(hub), group, payload(json), Optional.empty(), false, List.of(), null);
    }

    @Override
    public void sendToUser(String hub, String user, String json) {
        hubs.sendToUser(HubSettings.normalise(hub), user, payload(json), null);
    }

    private static Payload payload(String json) {
        if (json.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("messages are limited to 1 MB");
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return new Payload(DataType.JSON, reader.readValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the message is not valid JSON", e);
        }
    }
}
