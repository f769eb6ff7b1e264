package io.kalamdb.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A namespace name: lower-case letters, digits and underscores, starting with a letter or underscore,
 * at most 64 characters. {@code system} and {@code information_schema} are reserved.
 */
public record NamespaceId(String value) implements Comparable<NamespaceId> {
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

    /** The reserved namespace of the {@code system.*} views. */
    public static final NamespaceId SYSTEM = new NamespaceId("system");
    /** The reserved SQL-standard catalog namespace. */
    public static final NamespaceId INFORMATION_SCHEMA = new NamespaceId("information_schema");
    /** The namespace used when a statement names none and no {@code USE} was given. */
    public static final NamespaceId DEFAULT = new NamespaceId("default");

    /** @throws KalamException INVALID_SQL if the name is not a valid namespace name */
    public NamespaceId {
        Objects.requireNonNull(value, "namespace");
        if (!VALID.matcher(value).matches()) {
            throw KalamException.invalidSql("Invalid namespace name '" + value
                    + "': use lower-case letters, digits and '_', starting with a letter (max 64)");
        }
    }

    /** @return true for {@code system} and {@code information_schema} */
    public boolean isReserved() {
        return equals(SYSTEM) || equals(INFORMATION_SCHEMA);
    }

    @Override
    public int compareTo(NamespaceId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
