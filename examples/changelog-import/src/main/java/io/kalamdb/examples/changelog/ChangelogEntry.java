package io.kalamdb.examples.changelog;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a Debian changelog (format: deb-changelog(5)): the header line
 * {@code package (version) distribution(s); urgency=u}, the indented change lines and the trailer line
 * {@code " -- Name <email>  Date"}.
 *
 * @param packageName  the source package named in the header
 * @param version      the version in parentheses
 * @param distribution the distribution(s) after the version, space-separated when several
 * @param urgency      the {@code urgency} value of the header's metadata, lower-cased, or null if absent
 * @param maintainer   who signed the entry
 * @param releasedAt   the trailer's date (RFC 5322), or null if it cannot be read
 * @param body         the change lines as written (indentation kept, trailing spaces and the blank lines
 *                     around them removed), joined by {@code \n}
 */
public record ChangelogEntry(String packageName, String version, String distribution, String urgency,
                             Maintainer maintainer, Instant releasedAt, String body) {
    /** @throws NullPointerException if the package, version, distribution, maintainer or body is null */
    public ChangelogEntry {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(maintainer, "maintainer");
        Objects.requireNonNull(body, "body");
    }
}
