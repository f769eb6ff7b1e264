package io.kalamdb.core.storage;

import io.kalamdb.core.model.KalamException;
import java.util.Locale;

/** The kinds of storage a {@code CREATE STORAGE … TYPE '…'} may name. Lower-case on the wire. */
public enum StorageType {
    /** Directories on a local (or locally mounted) filesystem, served by {@link LocalFileStorage}. */
    FILESYSTEM;

    /** @return the wire spelling, e.g. {@code "filesystem"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a type name in any case
     * @return the type
     * @throws KalamException INVALID_SQL for any other type — S3-compatible object storage ({@code s3}, {@code gcs},
     *                        {@code azure}) is not available in this version
     */
    public static StorageType parse(String text) {
        if (text.trim().toLowerCase(Locale.ROOT).equals("filesystem")) {
            return FILESYSTEM;
        }
        throw KalamException.invalidSql("Storage type '" + text + "' is not supported: only 'filesystem' is "
                + "available in this version");
    }
}
