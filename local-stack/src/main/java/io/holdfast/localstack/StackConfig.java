package io.holdfast.localstack;

import java.nio.file.Path;

/**
 * Where the local stack puts things. Every value can be overridden by a system property of the same name
 * ({@code -Dholdfast.kafka.port=19092}) or an environment variable ({@code HOLDFAST_KAFKA_PORT=19092}).
 *
 * @param home data directory for Kafka, PostgreSQL, the registry and the sandbox ({@code holdfast.home}, default
 *     {@code .holdfast} under the working directory)
 * @param kafkaPort Kafka bootstrap port (9092); the KRaft controller uses the next port
 * @param registryPort schema registry port (8081)
 * @param postgresPort PostgreSQL port (15432, off the default so a system PostgreSQL can coexist)
 * @param sandboxPort alipay-sandbox HTTP port (8090)
 * @param ingestPort notification-ingest HTTP port (8080)
 * @param authorizationPort authorization-service HTTP port (8082)
 * @param capturePort capture-service HTTP port (8083)
 * @param repositoryRoot where the modules' built jars are looked up ({@code holdfast.repo}, default the working dir)
 */
public record StackConfig(Path home, int kafkaPort, int registryPort, int postgresPort, int sandboxPort,
                          int ingestPort, int authorizationPort, int capturePort, Path repositoryRoot) {

    public static StackConfig fromEnvironment() {
        return new StackConfig(
                Path.of(value("holdfast.home", ".holdfast")),
                Integer.parseInt(value("holdfast.kafka.port", "9092")),
                Integer.parseInt(value("holdfast.registry.port", "8081")),
                Integer.parseInt(value("holdfast.postgres.port", "15432")),
                Integer.parseInt(value("holdfast.sandbox.port", "8090")),
                Integer.parseInt(value("holdfast.ingest.port", "8080")),
                Integer.parseInt(value("holdfast.authorization.port", "8082")),
                Integer.parseInt(value("holdfast.capture.port", "8083")),
                Path.of(value("holdfast.repo", ".")));
    }

    private static String value(String key, String fallback) {
        String property = System.getProperty(key);
        if (property != null) {
            return property;
        }
        String env = System.getenv(key.toUpperCase().replace('.', '_'));
        return env != null ? env : fallback;
    }
}
