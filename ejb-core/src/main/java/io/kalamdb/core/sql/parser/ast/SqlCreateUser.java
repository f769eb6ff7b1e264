package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE USER [IF NOT EXISTS] 'name' WITH PASSWORD 'pw' [ROLE user|service|dba] [EMAIL 'e']}; the name may
 * also be an identifier, ROLE and EMAIL come in any order.
 */
public final class SqlCreateUser extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE USER", SqlKind.OTHER_DDL);

    private final String userName;
    private final boolean ifNotExists;
    private final String password;
    private final String role;
    private final String email;

    /**
     * @param pos         statement position
     * @param userName    the user name
     * @param ifNotExists whether IF NOT EXISTS was given
     * @param password    the clear-text password
     * @param role        the role, lower-case, or null if none was given
     * @param email       the e-mail address, or null
     */
    public SqlCreateUser(SqlParserPos pos, String userName, boolean ifNotExists, String password, String role,
                         String email) {
        super(pos, OPERATOR);
        this.userName = userName;
        this.ifNotExists = ifNotExists;
        this.password = password;
        this.role = role;
        this.email = email;
    }

    /** @return the user name */
    public String getUserName() {
        return userName;
    }

    /** @return whether IF NOT EXISTS was given */
    public boolean isIfNotExists() {
        return ifNotExists;
    }

    /** @return the clear-text password; never printed by {@link #unparse} */
    public String getPassword() {
        return password;
    }

    /** @return the role as written, lower-case (see {@code Role.parse}), or null if none was given */
    public String getRole() {
        return role;
    }

    /** @return the e-mail address, or null */
    public String getEmail() {
        return email;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE USER");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        Unparse.string(writer, userName);
        writer.keyword("WITH PASSWORD");
        Unparse.secret(writer);
        if (role != null) {
            writer.keyword("ROLE");
            Unparse.name(writer, role);
        }
        if (email != null) {
            writer.keyword("EMAIL");
            Unparse.string(writer, email);
        }
    }
}
