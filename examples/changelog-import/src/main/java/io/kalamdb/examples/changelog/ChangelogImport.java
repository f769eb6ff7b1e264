package io.kalamdb.examples.changelog;

import java.io.IOException;

/**
 * Command-line entry point of the changelog importer: {@code java -jar changelog-import.jar [options]} (see
 * {@link ImportOptions#USAGE}). Prints the {@link ImportSummary}; exits with 0 if every maintainer's rows were
 * verified, 1 on a count mismatch or a failed maintainer, 2 on bad options or when the import cannot start.
 */
public final class ChangelogImport {
    private ChangelogImport() {
    }

    /**
     * Runs the import.
     *
     * @param args the options
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ImportOptions.USAGE);
            System.exit(2);
            return;
        }
        ImportSummary summary;
        try {
            summary = new ChangelogImporter(options).run();
        } catch (IOException | KalamApiException e) {
            System.err.println("Import failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.print(summary.render());
        System.exit(summary.ok() ? 0 : 1);
    }
}
