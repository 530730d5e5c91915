package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.messaging.testing.OutboxSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * capture-service's own migrations (V1 + V6) give the outbox exactly the shape the shared relay of the messaging module is
 * written for (its {@code outbox.sql}): same columns, types, nullability, defaults and indexes.
 */
class OutboxSchemaIntegrationTests {

    @Test
    void theMigrationsGiveTheOutboxTheSharedShape() throws SQLException {
        EmbeddedPostgres postgres = EmbeddedDatabase.get();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists outbox_shape");
            s.execute("create database outbox_shape");
        }
        DataSource database = postgres.getDatabase("postgres", "outbox_shape");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        try (Connection c = database.getConnection()) {
            List<String> reference = OutboxSchema.reference(c);
            assertThat(reference).contains("column aggregate_id character varying(64) not null",
                    "index CREATE INDEX outbox_unpublished_by_key ON outbox USING btree (aggregate_id, seq) "
                            + "WHERE (completion_date IS NULL)");
            assertThat(OutboxSchema.describe(c, "public")).containsExactlyElementsOf(reference);
        }
    }
}
