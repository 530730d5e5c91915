package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.messaging.testing.EmbeddedDatabase;
import io.holdfast.messaging.testing.SharedTables;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * capture-service's own migrations (outbox V1 + V6, inbox V1 + V5 + V7) give the tables the messaging module owns exactly the shape its code is
 * written for (its {@code outbox.sql} and {@code inbox.sql}): same columns, types, nullability, defaults and indexes.
 */
class SharedTablesIntegrationTests {

    private static DataSource database;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws SQLException {
        EmbeddedPostgres postgres = EmbeddedDatabase.get();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists shared_tables");
            s.execute("create database shared_tables");
        }
        database = postgres.getDatabase("postgres", "shared_tables");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void theOutboxHasTheSharedShape() throws SQLException {
        try (Connection c = database.getConnection()) {
            List<String> reference = SharedTables.reference(c, "outbox");
            assertThat(reference).contains("column aggregate_id character varying(64) not null",
                    "index CREATE INDEX outbox_unpublished_by_key ON outbox USING btree (aggregate_id, seq) "
                            + "WHERE (completion_date IS NULL)");
            assertThat(SharedTables.describe(c, "public", "outbox")).containsExactlyElementsOf(reference);
        }
    }

    @Test
    void theInboxHasTheSharedShape() throws SQLException {
        try (Connection c = database.getConnection()) {
            List<String> reference = SharedTables.reference(c, "inbox");
            assertThat(reference).contains("column message_id character varying(256) not null",
                    "column fingerprint character(64) null");
            assertThat(SharedTables.describe(c, "public", "inbox")).containsExactlyElementsOf(reference);
        }
    }
}
