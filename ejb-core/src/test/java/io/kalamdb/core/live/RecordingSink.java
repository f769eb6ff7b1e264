package io.kalamdb.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A test {@link LiveSink}: records every event; refuses offers once {@code capacity} events were taken. */
final class RecordingSink implements LiveSink {
    private final int capacity;
    private final List<LiveEvent> events = new ArrayList<>();
    private final List<Long> overflows = new ArrayList<>();

    RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    RecordingSink(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean offer(LiveEvent event) {
        if (events.size() >= capacity) {
            return false;
        }
        events.add(event);
        return true;
    }

    @Override
    public synchronized void overflow(String subscriptionId, long lastDeliveredSeq) {
        overflows.add(lastDeliveredSeq);
    }

    synchronized List<LiveEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<Long> overflows() {
        return List.copyOf(overflows);
    }

    synchronized <T extends LiveEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the changes as "TYPE:value" strings of one column (rows for insert/update, old values for delete) */
    synchronized List<String> changes(String column) {
        List<String> out = new ArrayList<>();
        for (LiveEvent.Change c : of(LiveEvent.Change.class)) {
            List<Map<String, Object>> rows = c.changeType() == LiveEvent.ChangeType.DELETE ? c.oldValues() : c.rows();
            out.add(c.changeType() + ":" + Objects.toString(rows.get(0).get(column)));
        }
        return out;
    }

    /** @return the values of one column over every initial batch */
    synchronized List<Object> initialValues(String column) {
        List<Object> out = new ArrayList<>();
        for (LiveEvent.InitialBatch b : of(LiveEvent.InitialBatch.class)) {
            b.rows().forEach(r -> out.add(r.get(column)));
        }
        return out;
    }
}
