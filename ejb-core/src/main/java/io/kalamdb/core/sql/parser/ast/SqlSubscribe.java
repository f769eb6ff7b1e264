package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code SUBSCRIBE TO [ns.]t [WHERE condition] [OPTIONS (last_rows = N, ...)]}: starts a live query. */
public final class SqlSubscribe extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SUBSCRIBE", SqlKind.OTHER);

    private final SqlIdentifier tableName;
    private final SqlNode where;
    private final Map<String, Object> options;

    /**
     * @param pos       statement position
     * @param tableName the table, {@code t} or {@code ns.t}
     * @param where     the filter condition, or null
     * @param options   keys upper-case (e.g. {@code LAST_ROWS}), values String/Long/BigDecimal/Boolean
     */
    public SqlSubscribe(SqlParserPos pos, SqlIdentifier tableName, SqlNode where, Map<String, Object> options) {
        super(pos);
        this.tableName = tableName;
        this.where = where;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** @return the table, one or two name parts */
    public SqlIdentifier getTableName() {
        return tableName;
    }

    /** @return the WHERE condition, or null */
    public SqlNode getWhere() {
        return where;
    }

    /**
     * @return the OPTIONS in written order: keys upper-case (e.g. {@code LAST_ROWS}); values {@link String},
     *     {@link Long}, {@link java.math.BigDecimal} or {@link Boolean}; empty if none
     */
    public Map<String, Object> getOptions() {
        return options;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(tableName, where);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SUBSCRIBE TO");
        tableName.unparse(writer, leftPrec, rightPrec);
        if (where != null) {
            writer.keyword("WHERE");
            where.unparse(writer, 0, 0);
        }
        if (!options.isEmpty()) {
            writer.keyword("OPTIONS");
            Unparse.options(writer, options);
        }
    }
}
