package dev.whiteboard.security.oidc;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A caller the identity provider vouched for, with the groups it said they are in, as of {@code seenAt}. */
@Entity
@Table(name = "known_callers")
public class KnownCaller {

    @Id
    @Column(name = "user_name", length = 255)
    private String user;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "known_caller_groups", joinColumns = @JoinColumn(name = "user_name"))
    @Column(name = "group_name", length = 255)
    private Set<String> groups = new HashSet<>();

    @Column(name = "seen_at", nullable = false)
    private OffsetDateTime seenAt;

    protected KnownCaller() {
        // for JPA
    }

    public KnownCaller(String user, Set<String> groups, OffsetDateTime seenAt) {
        this.user = Objects.requireNonNull(user, "user");
        seen(groups, seenAt);
    }

    /** The provider vouched for the caller again, with these groups. */
    public final void seen(Set<String> newGroups, OffsetDateTime at) {
        groups.clear();
        newGroups.stream()
                .filter(g -> g != null && !g.isBlank() && g.length() <= 255)
                .forEach(groups::add);
        seenAt = Objects.requireNonNull(at, "seenAt");
    }

    public String user() {
        return user;
    }

    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    public OffsetDateTime seenAt() {
        return seenAt;
    }
}
