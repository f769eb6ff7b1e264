package io.kalamdb.examples.changelog;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A KalamDB user id (= user name) for a maintainer. Derived from the normalized e-mail address (see
 * {@link Maintainer#normalizedEmail()}): the prefix {@value #PREFIX}, then every UTF-8 byte of the address,
 * {@code a-z} and {@code 0-9} as themselves and any other byte as {@code _} and two lower-case hex digits:
 * {@code jane.doe@debian.org} → {@code cl_jane_2edoe_40debian_2eorg}. The code is deterministic and
 * injective (no two addresses share an id), uses only characters that are safe in SQL strings and file
 * names, and the prefix keeps the ids apart from users not made by this importer, such as {@code root}.
 *
 * @param value the id
 */
public record UserId(String value) {
    /** The prefix of every id this importer makes. */
    public static final String PREFIX = "cl_";
    /** The longest user id KalamDB accepts, in UTF-8 bytes. */
    public static final int MAX_BYTES = 128;

    /** @throws NullPointerException if the value is null */
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Derives the id of the maintainer with this address.
     *
     * @param normalizedEmail the trimmed, lower-cased address
     * @return the id
     * @throws IllegalArgumentException if the id would be longer than {@value #MAX_BYTES} bytes
     */
    public static UserId forEmail(String normalizedEmail) {
        StringBuilder id = new StringBuilder(PREFIX);
        for (byte b : normalizedEmail.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 'a' && b <= 'z' || b >= '0' && b <= '9') {
                id.append((char) b);
            } else {
                id.append('_').append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        if (id.length() > MAX_BYTES) {
            throw new IllegalArgumentException("The user id for <" + normalizedEmail + "> would be longer than "
                    + MAX_BYTES + " bytes");
        }
        return new UserId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
