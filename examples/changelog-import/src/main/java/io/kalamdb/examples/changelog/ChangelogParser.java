package io.kalamdb.examples.changelog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Debian changelog format (deb-changelog(5), as read by {@code dpkg-parsechangelog}) into
 * {@link ChangelogEntry entries}. An entry is a header line {@code package (version) dist [dist…];
 * key=value[, key=value…]}, the change lines, and a trailer line {@code " -- Name <email>  Date"} whose date is
 * RFC 5322 ({@code Sun, 21 Nov 1999 01:30:56 +0100}). Lines outside entries (old-format history, Emacs
 * local variables) are skipped; a header without a trailer, or a trailer without a header, is counted as
 * malformed. Stateless and thread-safe.
 */
public final class ChangelogParser {
    /** The header of dpkg's Dpkg::Changelog::Entry::Debian, with the package name's case relaxed. */
    private static final Pattern HEADER =
            Pattern.compile("^(\\w[-+0-9A-Za-z.]*) \\(([^() \\t]+)\\)((?:\\s+[-+0-9A-Za-z./]+)+);(.*)$");
    private static final Pattern TRAILER = Pattern.compile("^ -- (.*?) ?<([^>]*)>(.*)$");
    private static final Pattern DAY_OF_WEEK = Pattern.compile("^[A-Za-z]{3},");
    private static final Pattern ZONE_COMMENT = Pattern.compile("\\s*\\([^()]*\\)$");
    /** RFC 5322 without the day of week, which real changelogs sometimes get wrong; full month names occur. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d [MMMM][MMM] yyyy H:mm:ss Z", Locale.ENGLISH);

    /**
     * Reads a whole changelog.
     *
     * @param changelog the decompressed text; read to the end, not closed
     * @return the entries and the number of malformed ones
     * @throws IOException if reading fails
     */
    public ParsedChangelog parse(Reader changelog) throws IOException {
        BufferedReader lines = new BufferedReader(changelog);
        List<ChangelogEntry> entries = new ArrayList<>();
        int malformed = 0;
        Matcher header = null;
        List<String> body = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher h = HEADER.matcher(line);
            Matcher t = TRAILER.matcher(line);
            if (h.matches()) {
                if (header != null) {
                    malformed++;
                }
                header = h;
                body.clear();
            } else if (t.matches()) {
                if (header == null) {
                    malformed++;
                } else {
                    entries.add(entry(header, t, body));
                    header = null;
                }
            } else if (header != null) {
                body.add(line.stripTrailing());
            }
        }
        if (header != null) {
            malformed++;
        }
        return new ParsedChangelog(entries, malformed);
    }

    private static ChangelogEntry entry(Matcher header, Matcher trailer, List<String> body) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isEmpty()) {
            from++;
        }
        while (to > from && body.get(to - 1).isEmpty()) {
            to--;
        }
        return new ChangelogEntry(header.group(1), header.group(2), header.group(3).trim().replaceAll("\\s+", " "),
                urgency(header.group(4)), new Maintainer(trailer.group(1).trim(), trailer.group(2).trim()),
                date(trailer.group(3)), String.join("\n", body.subList(from, to)));
    }

    /** The {@code urgency} of {@code key=value, key=value}: its first word, lower-cased ("low (HIGH for m68k)" → low). */
    private static String urgency(String metadata) {
        for (String pair : metadata.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("urgency")) {
                String value = pair.substring(eq + 1).trim().split("\\s+")[0];
                return value.isEmpty() ? null : value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Instant date(String text) {
        String date = ZONE_COMMENT.matcher(DAY_OF_WEEK.matcher(text.trim()).replaceFirst("")).replaceFirst("")
                .trim().replaceAll("\\s+", " ");
        try {
            return OffsetDateTime.parse(date, DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
