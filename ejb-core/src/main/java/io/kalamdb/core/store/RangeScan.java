package io.kalamdb.core.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A forward iterator over the keys {@code [from, to)} of one partition, optionally at a snapshot. Must be
 * closed; it holds native resources.
 */
public final class RangeScan implements Iterator<KeyValue>, AutoCloseable {
    private final ReadOptions options;
    private final Slice upperBound;
    private final RocksIterator iterator;

    RangeScan(ReadOptions options, Slice upperBound, RocksIterator iterator, byte[] from) {
        this.options = options;
        this.upperBound = upperBound;
        this.iterator = iterator;
        if (from == null) {
            iterator.seekToFirst();
        } else {
            iterator.seek(from);
        }
    }

    @Override
    public boolean hasNext() {
        return iterator.isValid();
    }

    @Override
    public KeyValue next() {
        if (!iterator.isValid()) {
            throw new NoSuchElementException();
        }
        KeyValue kv = new KeyValue(iterator.key(), iterator.value());
        iterator.next();
        return kv;
    }

    @Override
    public void close() {
        iterator.close();
        if (upperBound != null) {
            upperBound.close();
        }
        options.close();
    }
}
