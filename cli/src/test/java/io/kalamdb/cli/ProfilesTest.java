package io.kalamdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    @Test
    void theFirstRunCreatesAnOwnerOnlyConfigWithTheDefaultProfile(@TempDir Path dir) throws IOException {
        Path home = dir.resolve(".kalam");
        Profiles.Profile profile = new Profiles(home).load(Profiles.DEFAULT);

        assertEquals("http://127.0.0.1:8080", profile.url());
        assertNull(profile.user());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config.toml"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertTrue(Files.readString(home.resolve("config.toml")).contains("[profiles.default]"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(new Profiles(home)
                .history())));
    }

    @Test
    void namedProfilesAreReadAndAMissingOneIsAnError(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("config.toml"), """
                [profiles.prod]
                url = "https://db.example:8443"
                user = "ops"
                token = "t0k3n"
                """);
        Profiles profiles = new Profiles(home);

        assertEquals(new Profiles.Profile("https://db.example:8443", "ops", null, "t0k3n"), profiles.load("prod"));
        assertEquals(new Profiles.Profile(null, null, null, null), profiles.load(Profiles.DEFAULT));
        assertTrue(assertThrows(IOException.class, () -> profiles.load("staging")).getMessage()
                .contains("no profile 'staging'"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config.toml"))),
                "a config file found with other permissions is made owner-only");
    }
}
