package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.EngineFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SELECT through the planner: filters, ordering, paging, grouping, joins, set operations, result schemas. */
class SelectTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void products() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE shop");
        db.run(root(), "CREATE TABLE shop.products (id BIGINT PRIMARY KEY, name TEXT NOT NULL, category TEXT, "
                + "price DECIMAL(10,2))");
        db.run(root(), "INSERT INTO shop.products VALUES (1, 'Tea', 'drinks', 4.50), (2, 'Coffee', 'drinks', 6.00), "
                + "(3, 'Cake', 'food', 12.00), (4, 'Water', NULL, 1.00)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void orderByLimitAndOffsetPage() {
        assertEquals(List.of("Coffee", "Cake"), db.column(root(),
                "SELECT name FROM shop.products ORDER BY id LIMIT 2 OFFSET 1"));
        assertEquals(List.of("Cake", "Coffee"), db.column(root(),
                "SELECT name FROM shop.products ORDER BY price DESC OFFSET 0 ROWS FETCH NEXT 2 ROWS ONLY"));
        assertEquals(List.of("Tea", "Coffee", "Cake", "Water"), db.column(root(),
                "SELECT name FROM shop.products ORDER BY category, id"), "NULL sorts last ascending");
    }

    @Test
    void filtersCombineComparisonsPatternsListsRangesAndNulls() {
        assertEquals(List.of("Cake", "Coffee"), db.column(root(),
                "SELECT name FROM shop.products WHERE name LIKE 'C%' ORDER BY name"));
        assertEquals(List.of("Tea", "Coffee", "Cake"), db.column(root(),
                "SELECT name FROM shop.products WHERE id IN (1, 3) OR price BETWEEN 5 AND 7 ORDER BY id"));
        assertEquals(List.of("Water"), db.column(root(), "SELECT name FROM shop.products WHERE category IS NULL"));
        assertEquals(List.of("Tea"), db.column(root(),
                "SELECT name FROM shop.products WHERE NOT (price > 5) AND category IS NOT NULL"));
    }

    @Test
    void groupByWithHavingAndAggregates() {
        assertEquals(List.of(List.of("drinks", 2L, dec("10.50"), dec("5.25"))), db.rows(root(),
                "SELECT category, COUNT(*) AS n, SUM(price), AVG(price) FROM shop.products "
                        + "GROUP BY category HAVING COUNT(*) > 1"));
        assertEquals(Arrays.asList("drinks", "food", null), db.column(root(),
                "SELECT DISTINCT category FROM shop.products ORDER BY category"));
    }

    @Test
    void caseAndUnionOfStringsAreNotBlankPadded() {
        assertEquals(List.of("cheap", "pricey", "pricey", "cheap"), db.column(root(),
                "SELECT CASE WHEN price > 5 THEN 'pricey' ELSE 'cheap' END FROM shop.products ORDER BY id"));
        assertEquals(List.of("ab", "abc"), db.column(root(), "SELECT 'ab' UNION ALL SELECT 'abc'"));
        assertEquals(List.of("drinks", "drinks", "food", "none"), db.column(root(),
                "SELECT COALESCE(category, 'none') FROM shop.products ORDER BY id"));
    }

    @Test
    void commonTableExpressionsUnionsAndWindowFunctions() {
        assertEquals(List.of("Coffee", "Tea"), db.column(root(),
                "WITH d AS (SELECT * FROM shop.products WHERE category = 'drinks') SELECT name FROM d ORDER BY name"));
        assertEquals(List.of(1L, 3L), db.column(root(), "SELECT id FROM shop.products WHERE id = 1 "
                + "UNION SELECT id FROM shop.products WHERE category = 'food' ORDER BY 1"));
        assertEquals(List.of(List.of("Cake", 1L), List.of("Coffee", 2L)), db.rows(root(),
                "SELECT name, ROW_NUMBER() OVER (ORDER BY price DESC) AS r FROM shop.products ORDER BY r LIMIT 2"));
    }

    @Test
    void outerJoinColumnsAreNullableInTheSchema() {
        StatementResult r = db.run(root(), "SELECT p.name, q.name AS next_name FROM shop.products p "
                + "LEFT JOIN shop.products q ON q.id = p.id + 1 ORDER BY p.id");
        assertEquals(List.of("nn"), r.schema().get(0).flags());
        assertEquals(List.of(), r.schema().get(1).flags());
        assertEquals(Arrays.asList("Water", null), db.rows(root(), "SELECT p.name, q.name FROM shop.products p "
                + "LEFT JOIN shop.products q ON q.id = p.id + 1 ORDER BY p.id").get(3));
    }

    @Test
    void resultColumnsKeepTheirTableTypesAndFlags() {
        StatementResult r = db.run(root(), "SELECT id, name, price, price * 2 AS doubled, COUNT(*) OVER () AS n "
                + "FROM shop.products WHERE id = 1");
        assertEquals(List.of("id", "name", "price", "doubled", "n"), r.schema().stream().map(ResultColumn::name).toList());
        assertEquals(List.of("pk", "nn"), r.schema().get(0).flags());
        assertEquals("{Decimal={precision=10, scale=2}}", r.schema().get(2).type().wireName().toString());
        assertEquals(List.of(1L, "Tea", dec("4.50"), dec("9.00"), 1L), List.of(r.rows().get(0)));
    }
}
