package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP USER [IF EXISTS] 'name'}. */
public final class SqlDropUser extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP USER", SqlKind.OTHER_DDL);

    private final String userName;
    private final boolean ifExists;

    /**
     * @param pos      statement position
     * @param userName the user name
     * @param ifExists whether IF EXISTS was given
     */
    public SqlDropUser(SqlParserPos pos, String userName, boolean ifExists) {
        super(pos, OPERATOR);
        this.userName = userName;
        this.ifExists = ifExists;
    }

    /** @return the user name */
    public String getUserName() {
        return userName;
    }

    /** @return whether IF EXISTS was given */
    public boolean isIfExists() {
        return ifExists;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP USER");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        Unparse.string(writer, userName);
    }
}
