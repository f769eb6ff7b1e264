package io.kalamdb.examples.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes a maintainer's entries into their partition of {@link NotesTable}, with their own token, in
 * multi-row INSERTs of up to {@code batchSize} rows. Idempotent: a partition that already holds exactly the
 * maintainer's entries (the same package and version pairs, as often each) is left alone; one that holds other
 * rows (an earlier run with other options, or one that stopped half-way) is emptied and written again.
 * Thread-safe.
 */
public final class NotesWriter {
    private final KalamHttpClient client;
    private final int batchSize;

    /**
     * @param client    the server
     * @param batchSize the most rows per INSERT statement, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is less than 1
     */
    public NotesWriter(KalamHttpClient client, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.client = client;
        this.batchSize = batchSize;
    }

    /**
     * Brings one maintainer's partition to their entries.
     *
     * @param session the maintainer, logged in
     * @return the rows found, deleted and inserted
     * @throws KalamApiException if a statement fails
     */
    public WriteOutcome write(MaintainerSession session) {
        List<ChangelogEntry> entries = session.account().entries();
        List<String> existing = new ArrayList<>();
        client.sql(session.token(), NotesTable.SELECT_KEYS, List.of()).path(0).path("rows")
                .forEach(row -> existing.add(key(row.path(0).asText(), row.path(1).asText(null))));
        List<String> wanted = new ArrayList<>(entries.stream().map(e -> key(e.packageName(), e.version())).toList());
        Collections.sort(existing);
        Collections.sort(wanted);
        if (!existing.isEmpty() && existing.equals(wanted)) {
            return new WriteOutcome(session, existing.size(), 0, 0);
        }
        long deleted = existing.isEmpty() ? 0
                : client.sql(session.token(), NotesTable.DELETE_ALL, List.of()).path(0).path("row_count").asLong();
        long inserted = 0;
        for (int from = 0; from < entries.size(); from += batchSize) {
            NotesTable.Statement insert = NotesTable.insert(entries.subList(from, Math.min(from + batchSize,
                    entries.size())));
            JsonNode result = client.sql(session.token(), insert.sql(), insert.params()).path(0);
            inserted += result.path("row_count").asLong();
        }
        return new WriteOutcome(session, existing.size(), deleted, inserted);
    }

    private static String key(String packageName, String version) {
        return packageName + " (" + version + ")";
    }
}
