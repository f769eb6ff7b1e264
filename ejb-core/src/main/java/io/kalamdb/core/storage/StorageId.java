package io.kalamdb.core.storage;

import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableOptions;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A storage id (the {@code id} of {@code CREATE STORAGE id …} and the {@code STORAGE_ID} table option):
 * lower-case letters, digits and underscores, starting with a letter or underscore, at most 64 characters —
 * the same rule as namespace names.
 */
public record StorageId(String value) implements Comparable<StorageId> {
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

    /** The built-in filesystem storage under {@code <data>/storage}; it cannot be dropped. */
    public static final StorageId LOCAL = new StorageId(TableOptions.LOCAL_STORAGE);

    /** @throws KalamException INVALID_SQL if the id is not a valid storage id */
    public StorageId {
        Objects.requireNonNull(value, "storage id");
        if (!VALID.matcher(value).matches()) {
            throw KalamException.invalidSql("Invalid storage id '" + value
                    + "': use lower-case letters, digits and '_', starting with a letter (max 64)");
        }
    }

    /** @return true for the built-in {@code local} storage */
    public boolean isLocal() {
        return equals(LOCAL);
    }

    @Override
    public int compareTo(StorageId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
