package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.sql.ResultColumn;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;

/**
 * A validated query as unoptimised relational algebra ({@link QueryPlanner#toLogical}).
 *
 * @param rel        the logical plan (e.g. {@code LogicalProject(LogicalFilter(LogicalTableScan))})
 * @param columns    the result columns, in order
 * @param paramTypes the types of the {@code ?} parameters, by index
 * @param rexBuilder the builder (and type factory) the plan's expressions belong to
 */
public record LogicalQuery(RelNode rel, List<ResultColumn> columns, List<KalamDataType> paramTypes,
                           RexBuilder rexBuilder) {
}
