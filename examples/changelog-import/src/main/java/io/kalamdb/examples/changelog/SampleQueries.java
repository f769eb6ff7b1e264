package io.kalamdb.examples.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A few queries over the imported data, each under the token of the user it is about: the busiest maintainer's
 * top packages and latest entry, and, as root, the number of users.
 */
public final class SampleQueries {
    private final KalamHttpClient client;
    private final String rootToken;

    /**
     * @param client    the server
     * @param rootToken a root access token, or null to act as root over localhost
     */
    public SampleQueries(KalamHttpClient client, String rootToken) {
        this.client = client;
        this.rootToken = rootToken;
    }

    /**
     * Runs the queries.
     *
     * @param busiest the maintainer with the most entries
     * @return the answers
     * @throws KalamApiException if a query fails
     */
    public Answers run(MaintainerSession busiest) {
        JsonNode top = client.sql(busiest.token(), "SELECT package, COUNT(*) AS entries FROM " + NotesTable.NAME
                + " GROUP BY package ORDER BY entries DESC, package LIMIT 5", List.of()).path(0).path("rows");
        List<PackageCount> packages = new ArrayList<>();
        top.forEach(row -> packages.add(new PackageCount(row.path(0).asText(), row.path(1).asLong())));
        JsonNode latest = client.sql(busiest.token(), "SELECT package, version, distribution FROM " + NotesTable.NAME
                + " WHERE released_at IS NOT NULL ORDER BY released_at DESC LIMIT 1", List.of()).path(0).path("rows")
                .path(0);
        String latestEntry = latest.path(0).asText() + " " + latest.path(1).asText() + " (" + latest.path(2).asText()
                + ")";
        long users = client.queryLong(rootToken, "SELECT COUNT(*) FROM system.users");
        return new Answers(busiest.userId(), busiest.account().name(), packages, latestEntry, users);
    }

    /**
     * A package and how many of a maintainer's entries are about it.
     *
     * @param packageName the source package
     * @param entries     the entries, as counted by the server
     */
    public record PackageCount(String packageName, long entries) {
    }

    /**
     * The answers.
     *
     * @param maintainer     the busiest maintainer's user id
     * @param name           their name
     * @param topPackages    their five packages with the most entries, most first
     * @param latestEntry    their latest dated entry, as {@code package version (distribution)}
     * @param systemUsers    {@code SELECT COUNT(*) FROM system.users} as root (every user, soft-deleted ones too)
     */
    public record Answers(UserId maintainer, String name, List<PackageCount> topPackages, String latestEntry,
                          long systemUsers) {
        /** Copies the list. */
        public Answers {
            topPackages = List.copyOf(topPackages);
        }
    }
}
