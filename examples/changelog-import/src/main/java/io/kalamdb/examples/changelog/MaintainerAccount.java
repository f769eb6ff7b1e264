package io.kalamdb.examples.changelog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A maintainer and the entries they signed: what becomes one KalamDB user and their partition of the table.
 *
 * @param email   the normalized e-mail address ({@link Maintainer#normalizedEmail()}), the identity
 * @param name    the name on the maintainer's first entry
 * @param entries the entries they signed, in corpus order
 */
public record MaintainerAccount(String email, String name, List<ChangelogEntry> entries) {
    /** Copies the list. */
    public MaintainerAccount {
        entries = List.copyOf(entries);
    }

    /**
     * Groups entries by maintainer.
     *
     * @param entries the entries
     * @return one account per normalized e-mail address, in order of first appearance
     */
    public static List<MaintainerAccount> group(List<ChangelogEntry> entries) {
        Map<String, List<ChangelogEntry>> byEmail = new LinkedHashMap<>();
        for (ChangelogEntry e : entries) {
            byEmail.computeIfAbsent(e.maintainer().normalizedEmail(), k -> new ArrayList<>()).add(e);
        }
        return byEmail.entrySet().stream().map(g -> new MaintainerAccount(g.getKey(),
                g.getValue().get(0).maintainer().name(), g.getValue())).toList();
    }

    /**
     * @return the maintainer's KalamDB user id ({@link UserId#forEmail})
     * @throws IllegalArgumentException if the address is too long for a user id
     */
    public UserId userId() {
        return UserId.forEmail(email);
    }
}
