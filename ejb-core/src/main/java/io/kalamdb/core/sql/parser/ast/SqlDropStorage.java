package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP STORAGE [IF EXISTS] id}. */
public final class SqlDropStorage extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP STORAGE", SqlKind.OTHER_DDL);

    private final String storageId;
    private final boolean ifExists;

    /**
     * @param pos       statement position
     * @param storageId the storage id
     * @param ifExists  whether IF EXISTS was given
     */
    public SqlDropStorage(SqlParserPos pos, String storageId, boolean ifExists) {
        super(pos, OPERATOR);
        this.storageId = storageId;
        this.ifExists = ifExists;
    }

    /** @return the storage id */
    public String getStorageId() {
        return storageId;
    }

    /** @return whether IF EXISTS was given */
    public boolean isIfExists() {
        return ifExists;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP STORAGE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        Unparse.name(writer, storageId);
    }
}
