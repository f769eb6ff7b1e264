package io.kalamdb.core.auth;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a new password must meet, after NIST SP 800-63B §5.1.1.2 (memorized secrets): at least
 * {@value #MIN_CHARACTERS} characters (Unicode code points), at most {@value PasswordHasher#MAX_PASSWORD_BYTES}
 * UTF-8 bytes (bcrypt's input limit, so no password is silently truncated), not one of the commonest
 * passwords of breach corpora (the bundled {@code common-passwords.txt}, compared case-insensitively) and not
 * the user's own name. No composition rules (SP 800-63B advises against them). Checked when a password is set
 * ({@code CREATE USER}, {@code ALTER USER … SET PASSWORD}, the configured root password), never at login, so
 * older passwords keep working until changed. Immutable and thread-safe.
 */
public final class PasswordPolicy {
    /** The shortest accepted password, in characters. */
    public static final int MIN_CHARACTERS = 8;

    private static final String LIST = "common-passwords.txt";

    private final Set<String> common;

    /** The policy with the bundled list of common passwords. */
    public PasswordPolicy() {
        this.common = load();
    }

    /**
     * @param user     whose password it is (the name must not be the password)
     * @param password the clear-text password
     * @throws KalamException INVALID_PARAMETER naming the rule broken: too short, too long, too common, or the
     *                        user's name
     */
    public void check(UserId user, String password) {
        Objects.requireNonNull(password, "password");
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw refused("Password must be at least " + MIN_CHARACTERS + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw refused("Password must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes of UTF-8");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            throw refused("Password is too common: choose one that is not on lists of breached passwords");
        }
        if (folded.equals(user.value().toLowerCase(Locale.ROOT))) {
            throw refused("Password must not be the user name");
        }
    }

    private static KalamException refused(String message) {
        return new KalamException(ErrorCode.INVALID_PARAMETER, message);
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    out.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LIST, e);
        }
        return Set.copyOf(out);
    }
}
