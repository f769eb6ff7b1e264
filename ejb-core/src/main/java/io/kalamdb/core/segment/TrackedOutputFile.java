package io.kalamdb.core.segment;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * An {@link OutputFile} that remembers the stream it created, so the writer can report the final file length
 * in bytes and can abandon a file by closing the stream before Parquet writes the footer.
 */
final class TrackedOutputFile implements OutputFile {
    private final OutputFile target;
    private Stream stream;

    TrackedOutputFile(OutputFile target) {
        this.target = target;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        stream = new Stream(target.create(blockSizeHint));
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        stream = new Stream(target.createOrOverwrite(blockSizeHint));
        return stream;
    }

    @Override
    public boolean supportsBlockSize() {
        return target.supportsBlockSize();
    }

    @Override
    public long defaultBlockSize() {
        return target.defaultBlockSize();
    }

    @Override
    public String getPath() {
        return target.getPath();
    }

    /** @return the bytes written so far (the file length once the writer is closed) */
    long length() throws IOException {
        return stream == null ? 0 : stream.getPos();
    }

    /** Closes the file as it is, without a footer: the bytes are not a readable Parquet file. */
    void abandon() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }

    /** Delegates, and keeps the position readable after close. */
    private static final class Stream extends PositionOutputStream {
        private final PositionOutputStream out;
        private long closedAt = -1;

        Stream(PositionOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return closedAt >= 0 ? closedAt : out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closedAt < 0) {
                closedAt = out.getPos();
                out.close();
            }
        }
    }
}
