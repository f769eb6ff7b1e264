package io.kalamdb.core.system;

import io.kalamdb.core.model.TableDefinition;
import java.util.List;
import java.util.function.Supplier;

/**
 * One read-only {@code system.*} or {@code information_schema.*} view (DESIGN.md §7).
 *
 * @param definition its columns (type SYSTEM)
 * @param rows       produces the current rows, canonical values in column order
 */
public record SystemView(TableDefinition definition, Supplier<List<Object[]>> rows) {
}
