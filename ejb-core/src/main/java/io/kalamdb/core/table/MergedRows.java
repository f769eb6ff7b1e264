package io.kalamdb.core.table;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A k-way merge of sources that are each in primary-key order (the hot store and a partition's segments)
 * into one stream in primary-key order with one version per key: among sources holding the same key the
 * highest {@code _seq} wins, so a newer hot version or a later segment's tombstone hides older flushed
 * versions, and a copy of the same version in two tiers is returned once. Linear in the number of sources
 * per row, which stays small (the hot store plus a partition's segments).
 */
final class MergedRows implements ColdSegments.CloseableRows {
    private final List<ColdSegments.CloseableRows> sources;
    private final KeyedRow[] heads;
    private KeyedRow next;

    MergedRows(List<ColdSegments.CloseableRows> sources) {
        this.sources = List.copyOf(sources);
        this.heads = new KeyedRow[sources.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = advance(i);
        }
        next = pick();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public KeyedRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        KeyedRow out = next;
        next = pick();
        return out;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ColdSegments.CloseableRows source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Takes the smallest key among the heads, its newest version, and advances every source holding it. */
    private KeyedRow pick() {
        byte[] smallest = null;
        for (KeyedRow head : heads) {
            if (head != null && (smallest == null || Arrays.compareUnsigned(head.pkKey(), smallest) < 0)) {
                smallest = head.pkKey();
            }
        }
        if (smallest == null) {
            return null;
        }
        KeyedRow newest = null;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null && Arrays.equals(heads[i].pkKey(), smallest)) {
                if (newest == null || heads[i].row().seq() > newest.row().seq()) {
                    newest = heads[i];
                }
                heads[i] = advance(i);
            }
        }
        return newest;
    }

    private KeyedRow advance(int i) {
        return sources.get(i).hasNext() ? sources.get(i).next() : null;
    }
}
