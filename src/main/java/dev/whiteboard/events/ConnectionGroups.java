package dev.whiteboard.events;

import java.util.List;

/**
 * Groups a feature adds to every connection of a user when it connects, wherever it is (e.g. the chat rooms they
 * are in), on top of what the {@link ConnectPolicy} decides for the place.
 */
public interface ConnectionGroups {

    List<String> groupsOf(String user);
}
