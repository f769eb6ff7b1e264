package io.kalamdb.bench.sut;

/**
 * One row of the comparison's table, the shape of a chat message: {@code id BIGINT} (primary key within its
 * user), {@code room TEXT}, {@code body TEXT} (changelog text, about 200 bytes) and {@code stamp BIGINT} (for
 * notification workloads the writer's {@link System#nanoTime()} just before sending; otherwise 0).
 *
 * @param id    the primary key within the owning user
 * @param room  a short tag subscriptions filter on
 * @param body  the payload text
 * @param stamp nanoseconds, see above
 */
public record MessageRow(long id, String room, String body, long stamp) {
}
