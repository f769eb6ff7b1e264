package io.kalamdb.examples.changelog;

import java.util.Locale;
import java.util.Objects;

/**
 * The person who signed a changelog entry, from its trailer line {@code " -- Name <email>  Date"}.
 *
 * @param name  the name as written, possibly empty
 * @param email the address between the angle brackets, as written (not validated: a few real trailers hold a
 *              URL there)
 */
public record Maintainer(String name, String email) {
    /** @throws NullPointerException if a component is null */
    public Maintainer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /**
     * The key that identifies the maintainer across entries: the e-mail address, trimmed and lower-cased, so
     * that {@code Jane@Debian.org} and {@code jane@debian.org} are one person.
     *
     * @return the normalized address
     */
    public String normalizedEmail() {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
