package io.kalamdb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The CLI's own files in its home directory ({@code ~/.kalam}, or {@code $KALAM_HOME}): {@code config.toml} with
 * named connection profiles, created on first run, and {@code history}. Both are owner-only (mode 0600, the
 * directory 0700): a profile may hold a token or password.
 *
 * <pre>
 * [profiles.default]
 * url = "http://127.0.0.1:8080"
 * # user = "alice"
 * # password = "…"
 * # token = "…"
 * </pre>
 */
public final class Profiles {
    /** The profile used without {@code --profile}. */
    public static final String DEFAULT = "default";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final String TEMPLATE = """
            # kalam connection profiles: pick one with --profile NAME (without it, "default").
            # Options and KALAM_* environment variables override what a profile says.
            [profiles.default]
            url = "%s"
            # user = "alice"
            # password = "…"
            # token = "…"
            """.formatted(KalamCli.DEFAULT_URL);

    private final Path home;

    /** @param home the directory of the CLI's files */
    public Profiles(Path home) {
        this.home = home;
    }

    /** @return {@code $KALAM_HOME}, else {@code ~/.kalam} */
    public static Profiles ofUserHome() {
        String env = System.getenv("KALAM_HOME");
        return new Profiles(env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kalam"));
    }

    /** A profile's settings; each may be null. */
    public record Profile(String url, String user, String password, String token) {
    }

    /**
     * Reads a profile, creating the directory and a commented {@code config.toml} first if there is none.
     *
     * @param name the profile's name
     * @return its settings; all null for {@link #DEFAULT} when the file does not define it
     * @throws IOException if the file cannot be created or read, is not TOML, or lacks a named (non-default) profile
     */
    public Profile load(String name) throws IOException {
        Path config = ownerOnly(home.resolve("config.toml"));
        if (Files.size(config) == 0) {
            Files.writeString(config, TEMPLATE);
        }
        JsonNode profile = new TomlMapper().readTree(config.toFile()).path("profiles").path(name);
        if (profile.isMissingNode() && !DEFAULT.equals(name)) {
            throw new IOException("no profile '" + name + "' in " + config);
        }
        return new Profile(profile.path("url").textValue(), profile.path("user").textValue(),
                profile.path("password").textValue(), profile.path("token").textValue());
    }

    /**
     * @return the REPL's history file, created owner-only if missing
     * @throws IOException if it cannot be created
     */
    public Path history() throws IOException {
        return ownerOnly(home.resolve("history"));
    }

    private Path ownerOnly(Path file) throws IOException {
        if (!Files.isDirectory(home)) {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, OWNER_DIR);
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.setPosixFilePermissions(file, OWNER_FILE);
        return file;
    }
}
