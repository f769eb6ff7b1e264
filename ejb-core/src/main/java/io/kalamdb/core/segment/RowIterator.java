package io.kalamdb.core.segment;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.RecordReader;

/**
 * The rows of one {@link SegmentReader#scan}, in file (primary-key) order. Row groups are read one at a time
 * as iteration reaches them. Closing (or exhausting) the iterator releases the current row group; the file
 * stays open until the reader is closed.
 */
public final class RowIterator implements Iterator<SegmentRow>, AutoCloseable {
    private final SegmentReader reader;
    private final ScanPlan plan;
    private final int rowGroups;
    private int nextRowGroup;
    private PageReadStore pages;
    private RecordReader<SegmentRow> records;
    private long remaining;
    private SegmentRow next;
    private boolean closed;

    RowIterator(SegmentReader reader, ScanPlan plan, int rowGroups) {
        this.reader = reader;
        this.plan = plan;
        this.rowGroups = rowGroups;
    }

    /**
     * @return true if another matching row exists
     * @throws KalamException INTERNAL_ERROR if the file cannot be read or is corrupt
     */
    @Override
    public boolean hasNext() {
        try {
            while (next == null && !closed) {
                if (remaining > 0) {
                    remaining--;
                    SegmentRow row = records.read();
                    if (row != null && !records.shouldSkipCurrentRecord()) {
                        next = row;
                    }
                } else if (!nextRowGroup()) {
                    close();
                }
            }
            return next != null;
        } catch (IOException | ParquetRuntimeException e) {
            close();
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot read segment file: " + e.getMessage(), e);
        }
    }

    /**
     * @return the next matching row
     * @throws NoSuchElementException when there is none
     * @throws KalamException INTERNAL_ERROR if the file cannot be read or is corrupt
     */
    @Override
    public SegmentRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SegmentRow row = next;
        next = null;
        return row;
    }

    private boolean nextRowGroup() throws IOException {
        releasePages();
        while (nextRowGroup < rowGroups) {
            pages = reader.readRowGroup(nextRowGroup++, plan);
            if (pages != null) {
                records = reader.records(pages, plan);
                remaining = pages.getRowCount();
                return true;
            }
        }
        return false;
    }

    private void releasePages() {
        if (pages != null) {
            pages.close();
            pages = null;
            records = null;
        }
    }

    /** Stops the scan: later {@link #hasNext()} calls return false. */
    @Override
    public void close() {
        closed = true;
        remaining = 0;
        releasePages();
    }
}
