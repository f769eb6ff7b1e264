package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code RESTORE DATABASE ns FROM 'path'}: Restores a namespace from a backup directory. */
public final class SqlRestoreDatabase extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("RESTORE DATABASE", SqlKind.OTHER);

    private final String namespace;
    private final String path;

    /**
     * @param pos       statement position
     * @param namespace the namespace
     * @param path      the backup path
     */
    public SqlRestoreDatabase(SqlParserPos pos, String namespace, String path) {
        super(pos, OPERATOR);
        this.namespace = namespace;
        this.path = path;
    }

    /** @return the namespace */
    public String getNamespace() {
        return namespace;
    }

    /** @return the backup path */
    public String getPath() {
        return path;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("RESTORE DATABASE");
        Unparse.name(writer, namespace);
        writer.keyword("FROM");
        Unparse.string(writer, path);
    }
}
