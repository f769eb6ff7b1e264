package io.kalamdb.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A table or column name inside a namespace: letters, digits and '_', starting with a letter or '_', at most 64. */
public record TableName(String value) implements Comparable<TableName> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** @throws KalamException INVALID_SQL if the name is not valid */
    public TableName {
        Objects.requireNonNull(value, "table name");
        if (!VALID.matcher(value).matches()) {
            throw KalamException.invalidSql("Invalid name '" + value
                    + "': use letters, digits and '_', starting with a letter (max 64)");
        }
    }

    @Override
    public int compareTo(TableName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
