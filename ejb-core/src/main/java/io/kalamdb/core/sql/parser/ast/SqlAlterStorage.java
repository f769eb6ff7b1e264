package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ALTER STORAGE id SET key = 'value' [, ...]}; the {@code =} and the commas are optional, so the clause
 * form {@code SET DESCRIPTION 'x' PATH 'y'} parses too.
 */
public final class SqlAlterStorage extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER STORAGE", SqlKind.OTHER_DDL);

    private final String storageId;
    private final Map<String, String> settings;

    /**
     * @param pos       statement position
     * @param storageId the storage id
     * @param settings  keys upper-case (e.g. {@code PATH}, {@code DESCRIPTION}), string values, in written order
     */
    public SqlAlterStorage(SqlParserPos pos, String storageId, Map<String, String> settings) {
        super(pos, OPERATOR);
        this.storageId = storageId;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** @return the storage id */
    public String getStorageId() {
        return storageId;
    }

    /** @return the settings in written order, keys upper-case; the catalog checks which keys are allowed */
    public Map<String, String> getSettings() {
        return settings;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER STORAGE");
        Unparse.name(writer, storageId);
        writer.keyword("SET");
        final SqlWriter.Frame frame = writer.startList("", "");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            writer.sep(",");
            writer.keyword(setting.getKey());
            writer.keyword("=");
            if (setting.getKey().equals("CREDENTIALS")) {
                Unparse.secret(writer);
            } else {
                Unparse.string(writer, setting.getValue());
            }
        }
        writer.endList(frame);
    }
}
