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

    /** @return the relative path of a segment's file */
    String path(Segment segment) {
        return directory + "/" + segment.file();
    }
}
