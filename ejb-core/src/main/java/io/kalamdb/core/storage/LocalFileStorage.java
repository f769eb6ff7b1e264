package io.kalamdb.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * A {@link StorageBackend} over a directory of the local filesystem. Atomic replacement relies on POSIX
 * {@code rename(2)} within one directory and durability on {@code fsync} of the file and its directory (Linux
 * semantics). Thread-safe (stateless apart from the base directory).
 */
public final class LocalFileStorage implements StorageBackend {
    private final Path base;

    /**
     * @param baseDirectory the storage's base directory; created lazily by the first write
     */
    public LocalFileStorage(Path baseDirectory) {
        this.base = baseDirectory.toAbsolutePath().normalize();
    }

    /** @return the absolute base directory every relative path resolves against */
    public Path baseDirectory() {
        return base;
    }

    @Override
    public PendingFile create(String relativePath) throws IOException {
        Path target = resolveFile(relativePath);
        Files.createDirectories(target.getParent());
        return new LocalPendingFile(target, temporarySibling(target));
    }

    @Override
    public InputFile open(String relativePath) throws IOException {
        Path file = resolveFile(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(relativePath);
        }
        return new LocalInputFile(file);
    }

    @Override
    public void writeAtomically(String relativePath, byte[] content) throws IOException {
        Path target = resolveFile(relativePath);
        Files.createDirectories(target.getParent());
        Path temp = temporarySibling(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            publish(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public List<String> list(String relativeDir) throws IOException {
        Path dir = resolve(relativeDir, true);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    @Override
    public void delete(String relativePath) throws IOException {
        Files.deleteIfExists(resolveFile(relativePath));
    }

    @Override
    public long size(String relativePath) throws IOException {
        return Files.size(resolveFile(relativePath));
    }

    private Path resolveFile(String relativePath) {
        return resolve(relativePath, false);
    }

    /**
     * @param relative  a '/'-separated relative path
     * @param allowBase whether {@code ""} (the base directory itself) is acceptable
     * @return the absolute path, inside the base directory
     * @throws IllegalArgumentException if the path is absolute, has a '\', an empty, '.' or '..' segment
     */
    private Path resolve(String relative, boolean allowBase) {
        Objects.requireNonNull(relative, "relative path");
        if (relative.isEmpty() && allowBase) {
            return base;
        }
        if (relative.startsWith("/") || relative.indexOf('\\') >= 0) {
            throw unsafe(relative);
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw unsafe(relative);
            }
        }
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw unsafe(relative);
        }
        return resolved;
    }

    private static IllegalArgumentException unsafe(String relative) {
        return new IllegalArgumentException("Not a safe relative storage path: '" + relative
                + "' (use '/'-separated names without empty, '.' or '..' segments)");
    }

    private static Path temporarySibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp-"
                + String.format("%016x", ThreadLocalRandom.current().nextLong()));
    }

    /** Renames the (already forced) {@code temp} over {@code target} atomically and forces the directory. */
    private static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** A file written under a temporary name next to its final one. */
    private static final class LocalPendingFile implements PendingFile {
        private final Path target;
        private final Path temp;
        private final LocalOutputFile output;
        private boolean committed;
        private boolean closed;

        LocalPendingFile(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
            this.output = new LocalOutputFile(temp);
        }

        @Override
        public OutputFile output() {
            return output;
        }

        @Override
        public void commit() throws IOException {
            if (committed || closed) {
                throw new IllegalStateException("The pending file " + target.getFileName() + " is already "
                        + (committed ? "committed" : "closed"));
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            publish(temp, target);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
