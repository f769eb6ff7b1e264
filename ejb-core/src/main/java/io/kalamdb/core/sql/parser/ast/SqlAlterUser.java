package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER USER 'name' SET PASSWORD 'pw' | SET ROLE role | SET EMAIL 'e'}. */
public final class SqlAlterUser extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER USER", SqlKind.OTHER_DDL);

    /** What the statement changes. */
    public enum Property {
        /** {@code SET PASSWORD 'pw'}: the value is the clear-text password. */
        PASSWORD,
        /** {@code SET ROLE r}: the value is the role, lower-case. */
        ROLE,
        /** {@code SET EMAIL 'e'}: the value is the e-mail address. */
        EMAIL
    }

    private final String userName;
    private final Property property;
    private final String value;

    /**
     * @param pos      statement position
     * @param userName the user name
     * @param property what changes
     * @param value    the new value (role lower-case)
     */
    public SqlAlterUser(SqlParserPos pos, String userName, Property property, String value) {
        super(pos, OPERATOR);
        this.userName = userName;
        this.property = property;
        this.value = value;
    }

    /** @return the user name */
    public String getUserName() {
        return userName;
    }

    /** @return what changes */
    public Property getProperty() {
        return property;
    }

    /** @return the new value; a password is never printed by {@link #unparse} */
    public String getValue() {
        return value;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER USER");
        Unparse.string(writer, userName);
        writer.keyword("SET");
        writer.keyword(property.name());
        switch (property) {
            case PASSWORD -> Unparse.secret(writer);
            case ROLE -> Unparse.name(writer, value);
            case EMAIL -> Unparse.string(writer, value);
            default -> throw new AssertionError(property);
        }
    }
}
