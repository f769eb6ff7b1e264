package io.kalamdb.core.storage;

import java.util.Objects;

/**
 * A storage as stored in {@code system_storages}: where the cold (Parquet) files of the tables that name it in
 * {@code STORAGE_ID} go.
 *
 * @param id                   the storage id
 * @param type                 the kind of storage
 * @param basePath             the base directory as written in {@code PATH}: absolute, or relative to the data
 *                             directory ({@code local}: {@code storage}, i.e. {@code <data>/storage})
 * @param sharedTablesTemplate where a SHARED table's files go below the base directory
 * @param userTablesTemplate   where one user's files of a USER (or STREAM) table go below the base directory
 * @param description          free text, or null
 * @param credentials          a JSON object as compact text, or null; never shown to clients (see
 *                             {@link #maskedCredentials()}) and left out of {@link #toString()}
 * @param createdAt            creation time, epoch milliseconds
 * @param updatedAt            time of the last change, epoch milliseconds
 */
public record StorageDefinition(StorageId id, StorageType type, String basePath, PathTemplate sharedTablesTemplate,
                                PathTemplate userTablesTemplate, String description, String credentials,
                                long createdAt, long updatedAt) {
    /** What {@code SHOW STORAGES} and {@code system.storages} show instead of credentials that are set. */
    public static final String MASK = "***";

    /**
     * Requires every part but description and credentials.
     *
     * @throws IllegalArgumentException if the templates are of the wrong kind (a user template as the shared one
     *                                  or the other way round)
     */
    public StorageDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(sharedTablesTemplate, "sharedTablesTemplate");
        Objects.requireNonNull(userTablesTemplate, "userTablesTemplate");
        if (sharedTablesTemplate.perUser() || !userTablesTemplate.perUser()) {
            throw new IllegalArgumentException("shared and user templates swapped: " + sharedTablesTemplate + ", "
                    + userTablesTemplate);
        }
    }

    /** @return {@value #MASK} if credentials are set, null otherwise */
    public String maskedCredentials() {
        return credentials == null ? null : MASK;
    }

    /** @return the definition with credentials masked */
    @Override
    public String toString() {
        return "StorageDefinition[id=" + id + ", type=" + type.wireName() + ", basePath=" + basePath
                + ", sharedTablesTemplate=" + sharedTablesTemplate + ", userTablesTemplate=" + userTablesTemplate
                + ", description=" + description + ", credentials=" + maskedCredentials() + ", createdAt="
                + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
