package io.kalamdb.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A user id: the partition key of USER and STREAM tables. 1–128 bytes of UTF-8 without NUL (the key codec
 * uses 0x00 as the separator after the user id) and without control characters.
 */
public record UserId(String value) implements Comparable<UserId> {
    /** The built-in superuser. */
    public static final UserId ROOT = new UserId("root");

    /** @throws KalamException INVALID_PARAMETER if empty, too long or containing control characters */
    public UserId {
        Objects.requireNonNull(value, "user id");
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER,
                    "Invalid user id: 1-128 bytes, no control characters");
        }
    }

    @Override
    public int compareTo(UserId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
