package io.holdfast.localstack;

import java.util.List;

/** The command-line configuration each child process gets: Spring Boot properties pointing at the local stack. */
record ServiceArguments(StackConfig config, String bootstrapServers, String registryUrl, LocalPostgres postgres) {

    List<String> sandbox() {
        return List.of("--port=" + config.sandboxPort(), "--data-dir=" + config.home().resolve("sandbox").toAbsolutePath());
    }

    List<String> ingest() {
        return withKafka(config.ingestPort(), List.of());
    }

    List<String> authorization() {
        return withKafka(config.authorizationPort(), database("authorization"));
    }

    List<String> capture() {
        return withKafka(config.capturePort(), database("capture"));
    }

    private List<String> database(String name) {
        return List.of(
                "--spring.r2dbc.url=" + postgres.r2dbcUrl(name),
                "--spring.r2dbc.username=" + LocalPostgres.USER,
                "--spring.r2dbc.password=",
                "--spring.flyway.url=" + postgres.jdbcUrl(name),
                "--spring.flyway.user=" + LocalPostgres.USER,
                "--spring.flyway.password=");
    }

    private List<String> withKafka(int port, List<String> more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                "--holdfast.alipay.base-url=http://localhost:" + config.sandboxPort()));
        args.addAll(more);
        return args;
    }
}
