package io.kalamdb.core.model;

import java.util.Comparator;
import java.util.Objects;

/** A fully qualified table: namespace and table name, printed as {@code ns.table}. */
public record TableId(NamespaceId namespace, TableName name) implements Comparable<TableId> {
    private static final Comparator<TableId> ORDER =
            Comparator.comparing(TableId::namespace).thenComparing(TableId::name);

    /** Both parts are required. */
    public TableId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** @return a table id from two raw names, validating both */
    public static TableId of(String namespace, String table) {
        return new TableId(new NamespaceId(namespace), new TableName(table));
    }

    @Override
    public int compareTo(TableId o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return namespace + "." + name;
    }
}
