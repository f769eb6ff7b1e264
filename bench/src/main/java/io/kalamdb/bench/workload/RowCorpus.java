package io.kalamdb.bench.workload;

import io.kalamdb.examples.changelog.ChangelogCorpus;
import io.kalamdb.examples.changelog.ChangelogEntry;
import io.kalamdb.examples.changelog.ChangelogScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Row text from the real changelog corpus — the Debian changelogs of the installed packages, parsed by the
 * changelog-import example — cut into pieces of about {@value #ROW_BYTES} characters, so rows carry natural text
 * (its compressibility included) rather than random or repeated bytes.
 */
public final class RowCorpus {
    /** The length of each piece, in characters (UTF-8 bytes for the mostly-ASCII text). */
    public static final int ROW_BYTES = 200;
    private static final int PACKAGES = 200;
    private static final int MAX_PIECES = 5_000;

    private final List<String> pieces;

    private RowCorpus(List<String> pieces) {
        this.pieces = pieces;
    }

    /**
     * Reads the changelogs of the first {@value #PACKAGES} packages under {@code docDir}.
     *
     * @param docDir normally {@link ChangelogScanner#DEBIAN_DOC_DIR}
     * @return the corpus
     * @throws IOException if the changelogs cannot be read, or hold too little text
     */
    public static RowCorpus load(Path docDir) throws IOException {
        ChangelogCorpus corpus = new ChangelogScanner().scan(docDir, PACKAGES);
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ChangelogEntry entry : corpus.entries()) {
            text.append(entry.body().replaceAll("\\s+", " ").strip()).append(' ');
            while (text.length() >= ROW_BYTES && pieces.size() < MAX_PIECES) {
                pieces.add(text.substring(0, ROW_BYTES));
                text.delete(0, ROW_BYTES);
            }
        }
        if (pieces.size() < 100) {
            throw new IOException("The changelogs under " + docDir + " give only " + pieces.size() + " rows of text");
        }
        return new RowCorpus(List.copyOf(pieces));
    }

    /** @return the {@code n}-th piece, cycling through the corpus */
    public String text(long n) {
        return pieces.get((int) Math.floorMod(n, (long) pieces.size()));
    }
}
