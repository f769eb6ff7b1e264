package io.kalamdb.core.catalog;

import io.kalamdb.core.model.NamespaceId;

/**
 * A namespace as stored in {@code system_namespaces}.
 *
 * @param id        the name
 * @param createdAt creation time, epoch milliseconds
 */
public record NamespaceRecord(NamespaceId id, long createdAt) {
}
