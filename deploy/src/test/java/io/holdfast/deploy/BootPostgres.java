package io.holdfast.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Embedded PostgreSQL 17 (zonky) configured as the rendered CloudNativePG {@code Cluster}: TLS with a server
 * certificate for localhost, the Cluster's {@code pg_hba} and {@code postgresql.parameters}, its managed roles with
 * the passwords of their Secrets, and one database per {@code Database} with its owner. The test's superuser
 * ({@code postgres}) may connect from localhost without a password, as CloudNativePG's own instance manager does.
 */
final class BootPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private BootPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BootPostgres start(BootPki pki, JsonNode cluster, Path dir) throws IOException {
        Files.createDirectories(dir);
        BootPki.Identity server = pki.server();
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Files.writeString(cert, server.certificatePem());
        Files.writeString(key, server.privateKeyPem());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        List<String> hba = new ArrayList<>(List.of(
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust"));
        cluster.path("spec").path("postgresql").path("pg_hba").forEach(line -> hba.add(line.asString()));
        Path hbaFile = dir.resolve("pg_hba.conf");
        Files.write(hbaFile, hba);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", cert.toString())
                .setServerConfig("ssl_key_file", key.toString())
                .setServerConfig("hba_file", hbaFile.toString());
        cluster.path("spec").path("postgresql").path("parameters").properties()
                .forEach(e -> builder.setServerConfig(e.getKey(), e.getValue().asString()));
        return new BootPostgres(builder.start());
    }

    int port() {
        return postgres.getPort();
    }

    /** The Cluster's managed roles (password from {@code passwords} by Secret name) and Databases with owners. */
    void createRolesAndDatabases(JsonNode cluster, List<JsonNode> databases, Map<String, String> passwordBySecret)
            throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                String name = role.path("name").asString();
                String password = passwordBySecret.get(role.path("passwordSecret").path("name").asString());
                statement.execute("CREATE ROLE \"" + name + "\"" + (role.path("login").asBoolean() ? " LOGIN" : "")
                        + (password == null ? "" : " PASSWORD '" + password.replace("'", "''") + "'"));
            }
            for (JsonNode database : databases) {
                statement.execute("CREATE DATABASE \"" + database.path("spec").path("name").asString()
                        + "\" OWNER \"" + database.path("spec").path("owner").asString() + "\"");
            }
        }
    }

    /** Sessions now open: role, database, whether over TLS. */
    record Session(String role, String database, boolean ssl) {
    }

    List<Session> sessions() throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (Connection connection = superuser();
             PreparedStatement query = connection.prepareStatement("SELECT a.usename, a.datname, s.ssl"
                     + " FROM pg_stat_activity a JOIN pg_stat_ssl s ON s.pid = a.pid WHERE a.usename IS NOT NULL");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sessions.add(new Session(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
            }
        }
        return sessions;
    }

    /** Who applied each Flyway migration of a database ({@code flyway_schema_history.installed_by}). */
    Set<String> migratedBy(String database) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT installed_by FROM flyway_schema_history")) {
            Set<String> users = new java.util.TreeSet<>();
            while (rows.next()) {
                users.add(rows.getString(1));
            }
            return users;
        }
    }

    private Connection superuser() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
