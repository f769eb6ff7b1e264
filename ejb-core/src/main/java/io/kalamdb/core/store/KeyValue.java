package io.kalamdb.core.store;

/**
 * One entry read from a partition.
 *
 * @param key   the encoded key
 * @param value the encoded value
 */
public record KeyValue(byte[] key, byte[] value) {
}
