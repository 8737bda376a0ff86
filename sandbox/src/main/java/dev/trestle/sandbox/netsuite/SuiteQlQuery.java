package dev.trestle.sandbox.netsuite;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The SuiteQL statements the sandbox answers on the employee table, in the grammar of {@link SuiteQl}:
 * <pre>
 * SELECT col [, col]* FROM employee [WHERE id IN (n [, n]*) | WHERE id &gt; n] [ORDER BY id [ASC]]
 * SELECT col [, col]* FROM employee WHERE lastmodifieddate &gt;= TO_TIMESTAMP('2026-01-05 09:00:00', 'YYYY-MM-DD HH24:MI:SS')
 *        [AND (id IN (n [, n]*) | id &gt; n)] [ORDER BY id [ASC]]
 * </pre>
 * with columns from {@link #COLUMNS}, keywords in any case. Anything else is refused with the
 * problem named, as NetSuite refuses what it cannot run.
 *
 * @param columns  selected columns, lowercase, in the order given
 * @param idIn     ids of {@code WHERE id IN (...)}, or {@code null}
 * @param idAbove  bound of {@code WHERE id > n}, or {@code null}
 * @param modifiedSince bound of {@code lastmodifieddate >= TO_TIMESTAMP(...)}, or {@code null}
 */
record SuiteQlQuery(List<String> columns, Set<Long> idIn, Long idAbove, Instant modifiedSince) {

    static final List<String> COLUMN_ORDER = List.of("id", "entityid", "firstname", "lastname", "email", "isinactive",
            "lastmodifieddate");
    static final Set<String> COLUMNS = Set.copyOf(COLUMN_ORDER);

    /** The columns are known before the table, so an unknown one is refused as soon as it is read. */
    private static final SuiteQl.Schema EMPLOYEE = new SuiteQl.Schema() {
        @Override
        public void column(String column) {
            if (!COLUMNS.contains(column)) {
                throw SuiteQl.invalid("Field '" + column + "' for record 'employee' was not found in the sandbox (it knows "
                        + String.join(", ", COLUMN_ORDER)
                        + ")");
            }
        }

        @Override
        public String table(String table, List<String> columns) {
            if (!table.equalsIgnoreCase("employee")) {
                throw SuiteQl.invalid("the sandbox has no table '" + table + "'; only employee can be queried");
            }
            return table;
        }

        @Override
        public String modifiedColumn(String table) {
            return "lastmodifieddate";
        }
    };

    static SuiteQlQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw SuiteQl.invalid("the query is empty");
        }
        SuiteQl.Statement statement = SuiteQl.parse(q, EMPLOYEE);
        return new SuiteQlQuery(statement.columns(), statement.idIn(), statement.idAbove(), statement.modifiedSince());
    }
}
