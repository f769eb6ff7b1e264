package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE STORAGE id TYPE 'filesystem' PATH '...' [SHARED_TABLES_TEMPLATE '...'] [USER_TABLES_TEMPLATE '...']
 * [DESCRIPTION '...'] [CREDENTIALS '...']}; the clauses after TYPE in any order, each at most once, PATH required.
 */
public final class SqlCreateStorage extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE STORAGE", SqlKind.OTHER_DDL);

    private final String storageId;
    private final String storageType;
    private final String path;
    private final String sharedTablesTemplate;
    private final String userTablesTemplate;
    private final String description;
    private final String credentials;

    /**
     * @param pos                  statement position
     * @param storageId            the storage id
     * @param storageType          the TYPE value, e.g. {@code filesystem}
     * @param path                 the PATH value (base directory or URI)
     * @param sharedTablesTemplate the SHARED_TABLES_TEMPLATE value, or null
     * @param userTablesTemplate   the USER_TABLES_TEMPLATE value, or null
     * @param description          the DESCRIPTION value, or null
     * @param credentials          the CREDENTIALS value (usually JSON), or null
     */
    public SqlCreateStorage(SqlParserPos pos, String storageId, String storageType, String path,
                            String sharedTablesTemplate, String userTablesTemplate, String description,
                            String credentials) {
        super(pos, OPERATOR);
        this.storageId = storageId;
        this.storageType = storageType;
        this.path = path;
        this.sharedTablesTemplate = sharedTablesTemplate;
        this.userTablesTemplate = userTablesTemplate;
        this.description = description;
        this.credentials = credentials;
    }

    /** @return the storage id */
    public String getStorageId() {
        return storageId;
    }

    /** @return the TYPE value as written, e.g. {@code filesystem} */
    public String getStorageType() {
        return storageType;
    }

    /** @return the PATH value */
    public String getPath() {
        return path;
    }

    /** @return the SHARED_TABLES_TEMPLATE value, or null */
    public String getSharedTablesTemplate() {
        return sharedTablesTemplate;
    }

    /** @return the USER_TABLES_TEMPLATE value, or null */
    public String getUserTablesTemplate() {
        return userTablesTemplate;
    }

    /** @return the DESCRIPTION value, or null */
    public String getDescription() {
        return description;
    }

    /** @return the CREDENTIALS value, or null; never printed by {@link #unparse} */
    public String getCredentials() {
        return credentials;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE STORAGE");
        Unparse.name(writer, storageId);
        writer.keyword("TYPE");
        Unparse.string(writer, storageType);
        writer.keyword("PATH");
        Unparse.string(writer, path);
        clause(writer, "SHARED_TABLES_TEMPLATE", sharedTablesTemplate);
        clause(writer, "USER_TABLES_TEMPLATE", userTablesTemplate);
        clause(writer, "DESCRIPTION", description);
        if (credentials != null) {
            writer.keyword("CREDENTIALS");
            Unparse.secret(writer);
        }
    }

    private static void clause(SqlWriter writer, String keyword, String value) {
        if (value != null) {
            writer.keyword(keyword);
            Unparse.string(writer, value);
        }
    }
}
