package io.holdfast.messaging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a table the messaging module owns ({@code outbox}, {@code inbox}) as comparable lines (columns with
 * type, nullability and default; indexes), so a service can prove its own migrations produce exactly the shape the
 * module's code is written for ({@code io/holdfast/messaging/<table>/<table>.sql}).
 */
public final class SharedTables {

    private static final String REFERENCE_SCHEMA = "messaging_reference";

    private SharedTables() {
    }

    /** The shape of {@code schema.table}. */
    public static List<String> describe(Connection c, String schema, String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement columns = c.prepareStatement("select column_name, data_type, "
                + "character_maximum_length, is_nullable, column_default from information_schema.columns "
                + "where table_schema = ? and table_name = ? order by column_name")) {
            columns.setString(1, schema);
            columns.setString(2, table);
            try (ResultSet r = columns.executeQuery()) {
                while (r.next()) {
                    String def = r.getString("column_default");
                    lines.add("column " + r.getString("column_name") + " " + r.getString("data_type")
                            + (r.getObject("character_maximum_length") == null ? ""
                                    : "(" + r.getInt("character_maximum_length") + ")")
                            + ("YES".equals(r.getString("is_nullable")) ? " null" : " not null")
                            + (def == null ? "" : " default " + def.replace(schema + ".", "")));
                }
            }
        }
        try (PreparedStatement indexes = c.prepareStatement("select indexdef from pg_indexes "
                + "where schemaname = ? and tablename = ? order by indexname")) {
            indexes.setString(1, schema);
            indexes.setString(2, table);
            try (ResultSet r = indexes.executeQuery()) {
                while (r.next()) {
                    lines.add("index " + r.getString("indexdef").replace(" " + schema + ".", " "));
                }
            }
        }
        return lines;
    }

    /** The shape of the reference table, created from the module's {@code <table>.sql} in a scratch schema. */
    public static List<String> reference(Connection c, String table) throws SQLException {
        String ddl;
        String resource = "/io/holdfast/messaging/" + table + "/" + table + ".sql";
        try (InputStream in = SharedTables.class.getResourceAsStream(resource)) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + REFERENCE_SCHEMA + " cascade");
            s.execute("create schema " + REFERENCE_SCHEMA);
            s.execute("set search_path to " + REFERENCE_SCHEMA);
            s.execute(ddl);
            s.execute("reset search_path");
        }
        return describe(c, REFERENCE_SCHEMA, table);
    }
}
