package io.holdfast.localstack;

/**
 * Where a merchant reaches a running local stack.
 *
 * @param bootstrapServers Kafka
 * @param registryUrl {@code schema.registry.url}
 * @param sandboxUrl the Antom sandbox (API, 3DS pages, {@code /sandbox/control/})
 * @param ingestUrl notification-ingest (Antom notifications arrive under {@code /alipay/notifications/})
 * @param sandboxKeys the demo merchant's keys, to vault cards at the sandbox
 */
public record Endpoints(String bootstrapServers, String registryUrl, String sandboxUrl, String ingestUrl,
                        SandboxKeys sandboxKeys) {

    /** The endpoints of a stack started elsewhere with {@code config} (same ports, same home directory). */
    public static Endpoints of(StackConfig config) {
        return new Endpoints("localhost:" + config.kafkaPort(), "http://localhost:" + config.registryPort(),
                "http://127.0.0.1:" + config.sandboxPort(), "http://127.0.0.1:" + config.ingestPort(),
                new SandboxKeys(config.home().toAbsolutePath().resolve("sandbox")));
    }
}
