package io.kalamdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Golden outputs of each format for one result as the server sends it. */
class OutputFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QueryResult result(String json) throws Exception {
        return QueryResult.of(JSON.readTree(json));
    }

    private static final String ROWS = """
            {"schema":[{"name":"id","data_type":"BigInt"},{"name":"body","data_type":"Text"},
                       {"name":"price","data_type":{"Decimal":{"precision":10,"scale":2}}},{"name":"meta","data_type":"Json"}],
             "rows":[["1","hello","9.50",{"a":1}],["12345","multi\\nline, \\"quoted\\"",null,null]],
             "row_count":2,"message":null}""";

    @Test
    void tableAlignsLikePsql() throws Exception {
        assertEquals("""
                  id   |         body          | price |  meta
                -------+-----------------------+-------+---------
                     1 | hello                 |  9.50 | {"a":1}
                 12345 | multi\\nline, "quoted" |       |
                (2 rows)

                """, OutputFormat.TABLE.format(result(ROWS)));
    }

    @Test
    void oneRowIsSingularAndStatementsWithoutRowsPrintTheirMessage() throws Exception {
        assertEquals("""
                 n
                ---
                 1
                (1 row)

                """, OutputFormat.TABLE.format(result(
                "{\"schema\":[{\"name\":\"n\",\"data_type\":\"Int\"}],\"rows\":[[1]],\"row_count\":1}")));
        assertEquals("Namespace 'app' created\n", OutputFormat.TABLE.format(result(
                "{\"schema\":[],\"rows\":[],\"row_count\":1,\"message\":\"Namespace 'app' created\"}")));
    }

    @Test
    void jsonIsOneDocumentPerStatement() throws Exception {
        assertEquals("{\"columns\":[\"id\",\"body\",\"price\",\"meta\"],\"rows\":[{\"id\":\"1\",\"body\":\"hello\","
                + "\"price\":\"9.50\",\"meta\":{\"a\":1}},{\"id\":\"12345\",\"body\":\"multi\\nline, \\\"quoted\\\"\","
                + "\"price\":null,\"meta\":null}],\"row_count\":2}\n", OutputFormat.JSON.format(result(ROWS)));
    }

    @Test
    void csvQuotesPerRfc4180() throws Exception {
        assertEquals("id,body,price,meta\r\n1,hello,9.50,\"{\"\"a\"\":1}\"\r\n12345,\"multi\nline, \"\"quoted\"\"\",,\r\n",
                OutputFormat.CSV.format(result(ROWS)));
    }

    @Test
    void expandedRecordsShowOneLinePerColumn() throws Exception {
        assertEquals("""
                -[ RECORD 1 ]-----------------------
                id    | 1
                body  | hello
                price | 9.50
                meta  | {"a":1}
                -[ RECORD 2 ]-----------------------
                id    | 12345
                body  | multi\\nline, "quoted"
                price |
                meta  |

                """, ExpandedRecords.render(result(ROWS)).replace("+", "-"));
    }
}
