package io.kalamdb.core.model;

import java.util.Locale;

/** Roles, lowest to highest. Lower-case on the wire. */
public enum Role {
    /** An end user: own partitions, public shared tables, no DDL. */
    USER,
    /** A backend service: as user plus private shared tables and impersonation of users. */
    SERVICE,
    /** An administrator: DDL, users, storages, jobs, system tables. */
    DBA,
    /** Internal superuser (root); cannot be granted by CREATE USER. */
    SYSTEM;

    /** @return the wire spelling, e.g. {@code "dba"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true if this role is at least {@code other} */
    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * @param text a role name in any case
     * @return the role
     * @throws KalamException INVALID_SQL for an unknown role
     */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KalamException.invalidSql("Unknown role '" + text + "': expected user, service or dba");
        }
    }
}
