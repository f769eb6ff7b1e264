package io.kalamdb.core.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Hashes and verifies user passwords with bcrypt (Provos and Mazières, 1999; the OpenBSD {@code $2b$}
 * format: cost, 16-byte salt and 23-byte hash in 60 characters). Passwords are taken as UTF-8 and must be
 * 1 to 72 bytes long, bcrypt's input limit; longer ones are rejected rather than silently truncated.
 * Deliberately slow: use it at login, never per request. Thread-safe.
 */
public final class PasswordHasher {
    /** The default cost (log2 of the rounds). */
    public static final int DEFAULT_COST = 12;
    /** The longest password bcrypt uses in full, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.strict(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer();

    /** A hasher with {@link #DEFAULT_COST}. */
    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /**
     * @param cost log2 of the bcrypt rounds, 4..31; each step doubles the time
     * @throws IllegalArgumentException if the cost is out of range
     */
    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + BCrypt.MIN_COST + ".." + BCrypt.MAX_COST);
        }
        this.cost = cost;
    }

    /**
     * @param password the clear-text password; not modified
     * @return a new salted hash, 60 ASCII characters starting with {@code $2b$}
     * @throws KalamException INVALID_PARAMETER if the password is empty or longer than 72 UTF-8 bytes
     */
    public String hash(char[] password) {
        byte[] bytes = checkedUtf8(password);
        try {
            return new String(hasher.hash(cost, bytes), StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * @param password the clear-text password to check; not modified
     * @param hash     a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$})
     * @return true if the password matches; false if not, or if {@code hash} is not a bcrypt hash
     * @throws KalamException INVALID_PARAMETER if the password is empty or longer than 72 UTF-8 bytes
     */
    public boolean verify(char[] password, String hash) {
        Objects.requireNonNull(hash, "hash");
        byte[] bytes = checkedUtf8(password);
        try {
            return verifyer.verify(bytes, hash.getBytes(StandardCharsets.US_ASCII)).verified;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] checkedUtf8(char[] password) {
        Objects.requireNonNull(password, "password");
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        if (bytes.length < 1 || bytes.length > MAX_PASSWORD_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new KalamException(ErrorCode.INVALID_PARAMETER,
                    "Password must be 1 to " + MAX_PASSWORD_BYTES + " bytes of UTF-8");
        }
        return bytes;
    }
}
