package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.model.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SelectScope;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/**
 * Calcite's validator with one KalamDB rule: the system columns {@code _seq} and {@code _deleted} (where a
 * table has them: STREAM tables have no {@code _deleted}) are system fields, so {@code SELECT *} leaves them
 * out; naming them selects them.
 */
final class KalamValidator extends SqlValidatorImpl {

    KalamValidator(SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory,
                   Config config) {
        super(opTab, catalogReader, typeFactory, config);
    }

    @Override
    public boolean isSystemField(RelDataTypeField field) {
        return isSystemName(field.getName());
    }

    @Override
    protected void addToSelectList(List<SqlNode> list, Set<String> aliases,
                                   List<Map.Entry<String, RelDataType>> fieldList, SqlNode exp, SelectScope scope,
                                   boolean includeSystemVars) {
        if (includeSystemVars || !(exp instanceof SqlIdentifier id) || !isSystemName(id.names.get(id.names.size() - 1))) {
            super.addToSelectList(list, aliases, fieldList, exp, scope, includeSystemVars);
        }
    }

    private static boolean isSystemName(String name) {
        return TableDefinition.SEQ_COLUMN.equals(name) || TableDefinition.DELETED_COLUMN.equals(name);
    }
}
