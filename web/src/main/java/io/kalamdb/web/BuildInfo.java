package io.kalamdb.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build, written into {@code io/kalamdb/web/build.properties} by Maven resource filtering,
 * so the project version is declared once (in the POM).
 */
public final class BuildInfo {
    private static final String VERSION = load().getProperty("version");

    private BuildInfo() {
    }

    /** The project version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static Properties load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/kalamdb/web/build.properties is missing from the web module");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read io/kalamdb/web/build.properties", e);
        }
    }
}
