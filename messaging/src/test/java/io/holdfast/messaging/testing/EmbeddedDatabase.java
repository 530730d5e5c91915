package io.holdfast.messaging.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL per test JVM (zonky binaries, random port), shared by every integration test of a service, each
 * test class (or Spring context) on a database of its own, created on first use. The services point Spring Boot at it
 * with {@link #register}; a fixture that configures its context otherwise takes {@link #properties}.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    /** The server, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** Points the service at database {@code name} (created on first use), so test classes do not share rows. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        register(registry, name, get().getPort());
    }

    /** The same, with the service connecting through {@code port} (a fault proxy in front of the database). */
    public static void register(DynamicPropertyRegistry registry, String name, int port) {
        properties(name, port).forEach((property, value) -> registry.add(property, () -> value));
    }

    /** The Spring Boot properties (R2DBC and Flyway) that point a service at database {@code name}. */
    public static Map<String, String> properties(String name) {
        return properties(name, get().getPort());
    }

    private static Map<String, String> properties(String name, int port) {
        try (Connection c = get().getPostgresDatabase().getConnection();
                ResultSet exists = c.createStatement().executeQuery(
                        "select 1 from pg_database where datname = '" + name + "'")) {
            if (!exists.next()) {
                c.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/" + name,
                "spring.r2dbc.username", "postgres",
                "spring.r2dbc.password", "postgres",
                "spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/" + name,
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "postgres");
    }
}
