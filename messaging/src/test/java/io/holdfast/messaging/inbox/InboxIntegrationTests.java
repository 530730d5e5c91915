package io.holdfast.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** The shared inbox on a real PostgreSQL: a message id counts once per source; a command id means one content. */
class InboxIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedPostgres postgres;
    private static R2dbcInboxStore inbox;
    private static DatabaseClient db;

    @BeforeAll
    static void createTable() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (InputStream ddl = R2dbcInboxStore.class.getResourceAsStream("inbox.sql");
                Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
        db = DatabaseClient.create(ConnectionFactories.get("r2dbc:postgresql://postgres:postgres@localhost:"
                + postgres.getPort() + "/postgres"));
        inbox = new R2dbcInboxStore(db);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aMessageIdCountsOncePerSource() {
        assertThat(inbox.firstTime("notifications", "n-1", T0).block(TIMEOUT)).isTrue();
        assertThat(inbox.firstTime("notifications", "n-1", T0.plusSeconds(1)).block(TIMEOUT)).isFalse();
        assertThat(inbox.firstTime("events", "n-1", T0).block(TIMEOUT)).isTrue();
        assertThat(inbox.firstTime("events", "x".repeat(256), T0).block(TIMEOUT)).isTrue();
    }

    @Test
    void aCommandIdMeansOneContent() {
        String fp = "a".repeat(64);
        assertThat(inbox.recordCommand("commands", "c-1", fp, T0).block(TIMEOUT)).isEqualTo(InboxSighting.FIRST);
        assertThat(inbox.recordCommand("commands", "c-1", fp, T0).block(TIMEOUT))
                .isEqualTo(InboxSighting.REDELIVERY);
        assertThat(inbox.recordCommand("commands", "c-1", "b".repeat(64), T0).block(TIMEOUT))
                .isEqualTo(InboxSighting.CONFLICT);
        // a row recorded before fingerprints were kept counts as a redelivery
        assertThat(inbox.firstTime("commands", "c-old", T0).block(TIMEOUT)).isTrue();
        assertThat(inbox.recordCommand("commands", "c-old", fp, T0).block(TIMEOUT))
                .isEqualTo(InboxSighting.REDELIVERY);
    }
}
