package io.kalamdb.core.sql;

import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.util.Objects;

/**
 * Who runs a batch of statements and in which namespace. The namespace changes with {@code USE}; the user
 * and role are fixed for the batch. Not thread-safe: one per request.
 */
public final class SqlSession {
    private final UserId user;
    private final Role role;
    private NamespaceId namespace;

    /**
     * @param user      the authenticated caller; owner of the USER-table partitions it touches
     * @param role      the caller's role
     * @param namespace the namespace unqualified names resolve in
     */
    public SqlSession(UserId user, Role role, NamespaceId namespace) {
        this.user = Objects.requireNonNull(user);
        this.role = Objects.requireNonNull(role);
        this.namespace = Objects.requireNonNull(namespace);
    }

    /** @return the caller */
    public UserId user() {
        return user;
    }

    /** @return the caller's role */
    public Role role() {
        return role;
    }

    /** @return the current namespace */
    public NamespaceId namespace() {
        return namespace;
    }

    /** Switches the current namespace ({@code USE ns}). */
    public void use(NamespaceId ns) {
        this.namespace = Objects.requireNonNull(ns);
    }
}
