package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ALTER TABLE t SET TBLPROPERTIES (KEY = value, ...)}: changes table options. */
public final class SqlAlterTableSetProperties extends SqlAlterKalamTable {
    private final Map<String, Object> properties;

    /**
     * @param pos        statement position
     * @param name       the table
     * @param properties keys upper-case, values String/Long/BigDecimal/Boolean, in written order
     */
    public SqlAlterTableSetProperties(SqlParserPos pos, SqlIdentifier name, Map<String, Object> properties) {
        super(pos, name);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @return the properties in written order: keys upper-case; values {@link String}, {@link Long},
     *     {@link java.math.BigDecimal} or {@link Boolean}
     */
    public Map<String, Object> getProperties() {
        return properties;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(getName());
    }

    @Override
    protected void unparseAction(SqlWriter writer) {
        writer.keyword("SET TBLPROPERTIES");
        Unparse.options(writer, properties);
    }
}
