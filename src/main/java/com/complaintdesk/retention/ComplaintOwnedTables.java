package com.complaintdesk.retention;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What removing one complaint deletes, read from the database's own foreign keys (JDBC metadata), never listed by
 * hand: every table that refers to {@code complaint}, directly or through another such table (evidence_file through
 * evidence, legal_case_event through legal_case, ...), children before their parents. A table added later with a
 * foreign key to complaint (or to a table that has one) is removed with the complaint without touching this code;
 * a table that names a complaint without a foreign key is what {@code RetentionCleanupTest} refuses.
 * Portable: H2 2.x and PostgreSQL name their identifiers in different cases; the plan's SQL is lower case.
 */
final class ComplaintOwnedTables {

    static final String ROOT = "complaint";

    /** One foreign key: {@code table.column} refers to {@code parent.parentColumn}. */
    record Reference(String table, String column, String parent, String parentColumn) {
    }

    /** The deletes, children first, each with the named parameter {@code :id} (the complaint's id). */
    record Plan(List<String> tables, List<String> deletes) {
    }

    private ComplaintOwnedTables() {
    }

    /** Reads the foreign keys below {@code complaint} in the data source's current schema and orders the deletes. */
    static Plan read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return plan(references(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the foreign keys that refer to the complaint table", e);
        }
    }

    /** Every foreign key into {@code complaint} and, recursively, into the tables that have one. */
    static List<Reference> references(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        List<Reference> references = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        List<String> pending = new ArrayList<>(List.of(ROOT));
        while (!pending.isEmpty()) {
            String parent = pending.remove(0);
            if (!seen.add(parent)) {
                continue;
            }
            Map<String, List<String[]>> keys = new LinkedHashMap<>();
            try (ResultSet rs = metaData.getExportedKeys(connection.getCatalog(), schema, identifier(metaData, parent))) {
                while (rs.next()) {
                    String name = rs.getString("FKTABLE_NAME") + "/" + rs.getString("FK_NAME");
                    keys.computeIfAbsent(name, k -> new ArrayList<>()).add(new String[] {
                            lower(rs.getString("FKTABLE_NAME")), lower(rs.getString("FKCOLUMN_NAME")), lower(rs.getString("PKCOLUMN_NAME"))});
                }
            }
            keys.forEach((name, columns) -> {
                if (columns.size() != 1) {
                    throw new IllegalStateException("Foreign key " + name + " to " + parent
                            + " has several columns; the retention cleanup removes by single-column keys only");
                }
                String[] key = columns.get(0);
                references.add(new Reference(key[0], key[1], parent, key[2]));
                pending.add(key[0]);
            });
        }
        return references;
    }

    /** The deletes for these references: each table's rows that belong to the complaint, children before parents. */
    static Plan plan(List<Reference> references) {
        Map<String, List<Reference>> byTable = new TreeMap<>();
        for (Reference reference : references) {
            byTable.computeIfAbsent(reference.table(), t -> new ArrayList<>()).add(reference);
        }
        List<String> order = new ArrayList<>();
        TreeSet<String> remaining = new TreeSet<>(byTable.keySet());
        while (!remaining.isEmpty()) {
            // a table can go once no other remaining table refers to it
            String next = remaining.stream()
                    .filter(table -> remaining.stream().noneMatch(other -> !other.equals(table)
                            && byTable.get(other).stream().anyMatch(r -> r.parent().equals(table))))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The tables " + remaining
                            + " refer to each other in a cycle; the retention cleanup cannot order their deletes"));
            order.add(next);
            remaining.remove(next);
        }
        List<String> deletes = new ArrayList<>();
        for (String table : order) {
            deletes.add("delete from " + table + " where " + owned(table, byTable, new TreeSet<>()));
        }
        return new Plan(List.copyOf(order), List.copyOf(deletes));
    }

    /** The condition on {@code table}'s rows that belong to the complaint {@code :id}. */
    private static String owned(String table, Map<String, List<Reference>> byTable, TreeSet<String> path) {
        if (table.equals(ROOT)) {
            return "id = :id";
        }
        path.add(table);
        List<String> conditions = new ArrayList<>();
        for (Reference reference : byTable.get(table)) {
            if (reference.parent().equals(ROOT)) {
                conditions.add(reference.column() + " = :id");
            } else if (!path.contains(reference.parent())) {
                conditions.add(reference.column() + " in (select " + reference.parentColumn() + " from " + reference.parent()
                        + " where " + owned(reference.parent(), byTable, new TreeSet<>(path)) + ")");
            }
        }
        return conditions.size() == 1 ? conditions.get(0) : "(" + String.join(" or ", conditions) + ")";
    }

    private static String identifier(DatabaseMetaData metaData, String name) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        return metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
