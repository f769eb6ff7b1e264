package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [USER|SHARED|STREAM] TABLE [IF NOT EXISTS] [ns.]t (column, ..., [PRIMARY KEY (col)])
 * [WITH (KEY = value, ...)]}. A table-level PRIMARY KEY clause is folded into the columns' primary-key flags.
 */
public final class SqlCreateKalamTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final String tableKind;
    private final boolean ifNotExists;
    private final SqlIdentifier name;
    private final List<SqlKalamColumn> columns;
    private final Map<String, Object> options;

    /**
     * @param pos         statement position
     * @param tableKind   USER, SHARED or STREAM as written before TABLE, or null if none was written
     * @param ifNotExists whether IF NOT EXISTS was given
     * @param name        the table, {@code t} or {@code ns.t}
     * @param columns     the columns in order
     * @param options     the WITH options: keys upper-case, values String/Long/BigDecimal/Boolean, in order
     */
    public SqlCreateKalamTable(SqlParserPos pos, String tableKind, boolean ifNotExists, SqlIdentifier name,
                               List<SqlKalamColumn> columns, Map<String, Object> options) {
        super(pos);
        this.tableKind = tableKind;
        this.ifNotExists = ifNotExists;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** @return USER, SHARED or STREAM as written before TABLE, or null (then {@code TYPE} may be an option) */
    public String getTableKind() {
        return tableKind;
    }

    /** @return whether IF NOT EXISTS was given */
    public boolean isIfNotExists() {
        return ifNotExists;
    }

    /** @return the table, one ({@code t}) or two ({@code ns.t}) name parts */
    public SqlIdentifier getName() {
        return name;
    }

    /** @return the columns in definition order */
    public List<SqlKalamColumn> getColumns() {
        return columns;
    }

    /**
     * @return the WITH options in written order: keys upper-case; values {@link String}, {@link Long},
     *     {@link java.math.BigDecimal} or {@link Boolean}; empty if no WITH clause
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
        final List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
        operands.addAll(columns);
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (tableKind != null) {
            writer.keyword(tableKind);
        }
        writer.keyword("TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        final SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlKalamColumn column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (!options.isEmpty()) {
            writer.keyword("WITH");
            Unparse.options(writer, options);
        }
    }
}
