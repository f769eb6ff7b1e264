package io.kalamdb.core.table;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The stream of committed changes (DESIGN.md §2: owned by the table layer, fed by the write path, read by
 * live queries). A statement's changes are published once, after its batch has committed, and while its
 * partition locks are still held, so listeners see each partition's changes in commit order. Listeners
 * run on the writer's thread and must not block: they hand changes off (e.g. to bounded queues).
 */
public final class ChangeFeed {
    private final List<Consumer<List<RowChange>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param listener receives each committed statement's changes, in commit order per partition
     * @return closing it stops the deliveries
     */
    public AutoCloseable subscribe(Consumer<List<RowChange>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(List<RowChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<RowChange> view = List.copyOf(changes);
        for (Consumer<List<RowChange>> l : listeners) {
            l.accept(view);
        }
    }
}
