package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * One column definition: {@code col type[(p, ...)] [NOT NULL | NULL] [PRIMARY KEY] [DEFAULT expr] [COMMENT 'x']}.
 * The type is kept as written (name upper-case, multi-word names joined by single spaces, integer parameters);
 * the catalog resolves it to a {@code KalamDataType}.
 */
public final class SqlKalamColumn extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("COLUMN", SqlKind.COLUMN_DECL);

    private final String name;
    private final String typeName;
    private final List<Integer> typeParams;
    private final Boolean notNull;
    private final boolean primaryKey;
    private final SqlNode defaultExpr;
    private final String comment;

    /**
     * @param pos         position of the definition
     * @param name        column name
     * @param typeName    type name, upper-case, e.g. {@code "DOUBLE PRECISION"}, {@code "EMBEDDING"}
     * @param typeParams  type parameters, e.g. {@code [10, 2]} for {@code DECIMAL(10,2)}; empty if none
     * @param notNull     TRUE for NOT NULL, FALSE for an explicit NULL, null if neither was written
     * @param primaryKey  whether the column is (part of) the primary key
     * @param defaultExpr the DEFAULT expression, or null
     * @param comment     the COMMENT text, or null
     */
    public SqlKalamColumn(SqlParserPos pos, String name, String typeName, List<Integer> typeParams,
                          Boolean notNull, boolean primaryKey, SqlNode defaultExpr, String comment) {
        super(pos);
        this.name = name;
        this.typeName = typeName;
        this.typeParams = List.copyOf(typeParams);
        this.notNull = notNull;
        this.primaryKey = primaryKey;
        this.defaultExpr = defaultExpr;
        this.comment = comment;
    }

    /** @return this column marked as (part of) the primary key */
    public SqlKalamColumn withPrimaryKey() {
        return new SqlKalamColumn(getParserPosition(), name, typeName, typeParams, notNull, true, defaultExpr,
            comment);
    }

    /** @return the column name */
    public String getName() {
        return name;
    }

    /** @return the type name as written, upper-case, words joined by single spaces */
    public String getTypeName() {
        return typeName;
    }

    /** @return the integer type parameters in order; empty if none */
    public List<Integer> getTypeParams() {
        return typeParams;
    }

    /** @return TRUE for NOT NULL, FALSE for an explicit NULL, null if neither was written */
    public Boolean getNotNull() {
        return notNull;
    }

    /** @return whether the column is (part of) the primary key */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** @return the DEFAULT expression, or null */
    public SqlNode getDefaultExpr() {
        return defaultExpr;
    }

    /** @return the COMMENT text, or null */
    public String getComment() {
        return comment;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(defaultExpr);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        Unparse.name(writer, name);
        writer.keyword(typeName);
        if (!typeParams.isEmpty()) {
            final SqlWriter.Frame frame = writer.startList("(", ")");
            for (Integer param : typeParams) {
                writer.sep(",");
                writer.print(param.toString());
            }
            writer.endList(frame);
        }
        if (notNull != null) {
            writer.keyword(notNull ? "NOT NULL" : "NULL");
        }
        if (primaryKey) {
            writer.keyword("PRIMARY KEY");
        }
        if (defaultExpr != null) {
            writer.keyword("DEFAULT");
            defaultExpr.unparse(writer, 0, 0);
        }
        if (comment != null) {
            writer.keyword("COMMENT");
            Unparse.string(writer, comment);
        }
    }
}
