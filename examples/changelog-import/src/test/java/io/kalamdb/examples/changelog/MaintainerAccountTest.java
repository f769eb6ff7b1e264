package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaintainerAccountTest {
    private static ChangelogEntry entry(String version, String name, String email) {
        return new ChangelogEntry("foo", version, "unstable", "low", new Maintainer(name, email), null, "  * x");
    }

    @Test
    void entriesAreGroupedByNormalizedAddressInOrderOfFirstAppearance() {
        ChangelogEntry a1 = entry("3", "Jane Doe", "jane@example.org");
        ChangelogEntry b = entry("2", "Bob", "bob@example.org");
        ChangelogEntry a2 = entry("1", "J. Doe", "Jane@Example.ORG");

        List<MaintainerAccount> accounts = MaintainerAccount.group(List.of(a1, b, a2));

        assertEquals(List.of(new MaintainerAccount("jane@example.org", "Jane Doe", List.of(a1, a2)),
                new MaintainerAccount("bob@example.org", "Bob", List.of(b))), accounts);
        assertEquals(new UserId("cl_jane_40example_2eorg"), accounts.get(0).userId());
    }
}
