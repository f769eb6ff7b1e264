package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real browser: {@code it/console/console.test.mjs} drives Debian's chromium (headless, via
 * playwright-core from npm) against the IT server. Needs {@code /usr/bin/chromium} ({@code .ci/run} installs it; the
 * test is skipped on a machine without it); the npm package is installed by the build ({@code npm ci} in
 * {@code it/console}). Screenshots are kept in {@code it/target/console-screenshots}.
 */
class ConsoleIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final Path SCRIPT_DIR = Path.of("console");

    @Test
    void aUserLogsInRunsAQuerySeesErrorsReloadsAndLogsOutInChromium() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is not installed");
        String user = "console_" + Long.toString(System.nanoTime(), 36);
        SqlApiIT.ok("CREATE USER '" + user + "' WITH PASSWORD 'console-secret-1'");
        Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));

        Process p = new ProcessBuilder("node", "console.test.mjs", HTTP.baseUrl().toString(), user, "console-secret-1",
                shots.toAbsolutePath().toString()).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);

        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("console: all steps passed"), out);
        assertTrue(Files.size(shots.resolve("console-studio.png")) > 1000, "screenshot written");
    }
}
