package io.kalamdb.core.storage;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Where a storage keeps its files: the seam between the cold tier and a concrete store (today the local
 * filesystem, {@link LocalFileStorage}; S3-compatible object storage later, DESIGN.md §8).
 *
 * <p>Every path is relative to the storage's base directory, '/'-separated, with no empty, {@code .} or
 * {@code ..} segment, no leading '/' and no '\'; an implementation refuses anything else with
 * {@link IllegalArgumentException} and never reads or writes outside the base directory. Files are written
 * whole and made visible atomically: readers see the old file or the complete new one, never a part.
 * Implementations are thread-safe; concurrent writers of one path are the caller's concern.
 */
public interface StorageBackend {

    /**
     * Starts writing a file: creates the parent directories and returns a handle whose {@link PendingFile#output()}
     * writes to a temporary name in the same directory ({@code .<name>.tmp-<16 hex digits>}); the file appears
     * under {@code relativePath} only on {@link PendingFile#commit()}.
     *
     * @param relativePath the final path, e.g. {@code chat/messages/alice/batch-1.parquet}
     * @return the pending file; close it (try-with-resources) so an uncommitted temporary file is removed
     * @throws IOException              if the directories cannot be created
     * @throws IllegalArgumentException if the path is not a safe relative path (see the class comment)
     */
    PendingFile create(String relativePath) throws IOException;

    /**
     * Opens a file for reading, e.g. by a Parquet reader.
     *
     * @param relativePath the file
     * @return the file; its streams are opened (and must be closed) by the reader
     * @throws java.nio.file.NoSuchFileException if there is no such regular file
     * @throws IOException                       on other I/O errors
     * @throws IllegalArgumentException          if the path is not a safe relative path
     */
    InputFile open(String relativePath) throws IOException;

    /**
     * Writes a small file whole, replacing any file of that name atomically: writes a temporary file, forces it to
     * disk, renames it over {@code relativePath} and forces the directory (a crash leaves the old or the new
     * content). Used for {@code manifest.json}.
     *
     * @param relativePath the file
     * @param content      the bytes to write
     * @throws IOException              if writing, syncing or renaming fails (the temporary file is then removed)
     * @throws IllegalArgumentException if the path is not a safe relative path
     */
    void writeAtomically(String relativePath, byte[] content) throws IOException;

    /**
     * @param relativeDir a directory; {@code ""} for the base directory itself
     * @return the names (not paths) of the regular files directly in it, sorted; temporary files of pending writes
     *         are included (they start with {@code .}); empty if the directory does not exist
     * @throws java.nio.file.NotDirectoryException if the path is a file
     * @throws IOException                         on other I/O errors
     * @throws IllegalArgumentException            if the path is not a safe relative path
     */
    List<String> list(String relativeDir) throws IOException;

    /**
     * Deletes a file; nothing happens if it does not exist.
     *
     * @param relativePath the file
     * @throws IOException              if it exists but cannot be deleted (e.g. a non-empty directory)
     * @throws IllegalArgumentException if the path is not a safe relative path
     */
    void delete(String relativePath) throws IOException;

    /**
     * @param relativePath the file
     * @return its size in bytes
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws IOException                       on other I/O errors
     * @throws IllegalArgumentException          if the path is not a safe relative path
     */
    long size(String relativePath) throws IOException;

    /**
     * A file being written by {@link #create(String)}: invisible under its final name until committed. Not
     * thread-safe: one writer.
     */
    interface PendingFile extends AutoCloseable {

        /**
         * @return the output to write to, e.g. with a Parquet writer; it writes the temporary file, which it
         *         creates (and which must not exist yet)
         */
        OutputFile output();

        /**
         * Makes the written file durable and visible: forces the temporary file to disk, renames it atomically to
         * the final name (replacing a file of that name) and forces the directory.
         *
         * @throws java.nio.file.NoSuchFileException if nothing was written to {@link #output()}
         * @throws IOException                       if syncing or renaming fails (the temporary file stays until
         *                                           {@link #close()})
         * @throws IllegalStateException             if already committed or closed
         */
        void commit() throws IOException;

        /**
         * Deletes the temporary file unless committed; calling it again does nothing.
         *
         * @throws IOException if the temporary file cannot be deleted
         */
        @Override
        void close() throws IOException;
    }
}
