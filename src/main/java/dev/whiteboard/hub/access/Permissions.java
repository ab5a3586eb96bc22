package dev.whiteboard.hub.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * What a connection may do with groups, from its Web PubSub roles: {@code webpubsub.joinLeaveGroup} and
 * {@code webpubsub.sendToGroup} for every group, {@code ….<group>} for one group, and the wildcard forms
 * {@code webpubsub.joinLeaveGroups.<pattern>} / {@code webpubsub.sendToGroups.<pattern>}, where {@code ?} is one
 * character other than {@code .}, {@code *} any run of such characters, {@code **} any run at all, and
 * {@code \} escapes {@code \ * ?}. Patterns are case-sensitive and hold at most five {@code *}.
 * Roles can be granted and revoked while the connection lives. Thread-safe.
 */
public final class Permissions {

    /** The two things a role can allow. */
    public enum Action {
        JOIN_LEAVE("joinLeaveGroup"),
        SEND("sendToGroup");

        private final String role;

        Action(String role) {
            this.role = role;
        }

        /** The role prefix ({@code webpubsub.joinLeaveGroup}). */
        public String role() {
            return "webpubsub." + role;
        }

        /** The REST API's permission name ({@code joinLeaveGroup}). */
        public String permissionName() {
            return role;
        }
    }

    private static final int MAX_STARS = 5;

    private final Set<String> roles = new CopyOnWriteArraySet<>();

    public Permissions(Collection<String> roles) {
        this.roles.addAll(roles);
    }

    public boolean allows(Action action, String group) {
        for (String role : roles) {
            if (role.equals(action.role()) || role.equals(action.role() + "." + group)) {
                return true;
            }
            String wildcard = action.role() + "s.";
            if (role.startsWith(wildcard) && matches(role.substring(wildcard.length()), group)) {
                return true;
            }
        }
        return false;
    }

    /** Grants {@code action} on {@code group}, or on every group when {@code group} is {@code null}. */
    public void grant(Action action, String group) {
        roles.add(group == null ? action.role() : action.role() + "." + group);
    }

    /** Revokes what {@link #grant} would grant (wildcard roles from the token are not touched). */
    public void revoke(Action action, String group) {
        roles.remove(group == null ? action.role() : action.role() + "." + group);
    }

    public List<String> roles() {
        return new ArrayList<>(roles);
    }

    static boolean matches(String pattern, String group) {
        Pattern regex = compile(pattern);
        return regex != null && regex.matcher(group).matches();
    }

    /** The pattern as a regular expression, or {@code null} if it is malformed (it then matches nothing). */
    private static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        int stars = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    return null;
                }
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                    stars += 2;
                } else {
                    regex.append("[^.]*");
                    stars++;
                }
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return stars > MAX_STARS ? null : Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
