package io.kalamdb.core.system;

import io.kalamdb.core.model.TableDefinition;
import java.util.List;
import java.util.function.Supplier;

/**
 * One read-only {@code system.*} or {@code information_schema.*} view (DESIGN.md §7).
 *
 * @param definition its columns (type SYSTEM)
 * @param rows        produces the current rows, canonical values in column order
 * @param ownerColumn for a view whose rows belong to users ({@code system.live_queries}), the index of the
 *                    user id column; -1 otherwise
 */
public record SystemView(TableDefinition definition, Supplier<List<Object[]>> rows, int ownerColumn) {
}
