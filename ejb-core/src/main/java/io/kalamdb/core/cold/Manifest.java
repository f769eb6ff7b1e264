package io.kalamdb.core.cold;

import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment list of one table partition (a SHARED table, or one user of a USER table): where its files
 * live and which files are live, oldest first (DESIGN.md §3). Stored in RocksDB (the record of truth) and
 * mirrored to {@code manifest.json} next to the files. Immutable.
 *
 * @param table         the table
 * @param owner         the user of a USER table partition, null for SHARED
 * @param storageId     the storage the files are in
 * @param directory     the partition's directory, relative to the storage's base directory
 * @param nextSegmentId the id the next flushed segment takes
 * @param segments      live segments, oldest first
 */
public record Manifest(TableId table, UserId owner, String storageId, String directory, long nextSegmentId,
                       List<Segment> segments) {
    /** Copies the segment list. */
    public Manifest {
        segments = List.copyOf(segments);
    }

    /** @return an empty manifest for a partition that has never been flushed */
    static Manifest empty(TableId table, UserId owner, String storageId, String directory) {
        return new Manifest(table, owner, storageId, directory, 1, List.of());
    }

    /** @return this manifest with {@code segment} appended and the id counter past it */
    Manifest with(Segment segment) {
        List<Segment> all = new ArrayList<>(segments);
        all.add(segment);
        return new Manifest(table, owner, storageId, directory, segment.id() + 1, all);
    }

    /**
     * A segment rewritten in place (deleted-retention): the segment with id {@code oldId} is replaced, at the same
     * position in the list, by {@code replacement}, or removed when {@code replacement} is null; the id counter
     * moves past the replacement's id.
     *
     * @return the new manifest
     * @throws IllegalArgumentException if no live segment has id {@code oldId}
     */
    Manifest replacing(long oldId, Segment replacement) {
        List<Segment> all = new ArrayList<>(segments);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == oldId) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("No segment " + oldId + " in the manifest of " + table);
        }
        if (replacement == null) {
            all.remove(index);
        } else {
            all.set(index, replacement);
        }
        long next = replacement == null ? nextSegmentId : Math.max(nextSegmentId, replacement.id() + 1);
        return new Manifest(table, owner, storageId, directory, next, all);
    }

    /** @return the relative path of a segment's file */
    String path(Segment segment) {
        return directory + "/" + segment.file();
    }
}
