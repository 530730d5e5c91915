package io.holdfast.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * @param replicas processes per service ({@code holdfast.replicas}, default 1): the first replica of each service
 *     listens on the port above, the others on free ports; with more than one, the ingest port is a round-robin
 *     load balancer in front of the edge's replicas, as a Kubernetes Service would be
 */
public record StackConfig(Path home, int kafkaPort, int registryPort, int postgresPort, int sandboxPort,
                          int ingestPort, int authorizationPort, int capturePort, Path repositoryRoot, int replicas,
                          int viewPort) {

    public StackConfig {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
    }

    /** The same configuration with {@code replicas} processes per service. */
    public StackConfig withReplicas(int count) {
        return new StackConfig(home, kafkaPort, registryPort, postgresPort, sandboxPort, ingestPort, authorizationPort,
                capturePort, repositoryRoot, count, viewPort);
    }

    /** The defaults, ignoring system properties and the environment. */
    public static StackConfig defaults() {
        return new StackConfig(Path.of(".holdfast"), 9092, 8081, 15432, 8090, 8080, 8082, 8083, Path.of("."), 1, 8085);
    }

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
                Path.of(value("holdfast.repo", ".")),
                Integer.parseInt(value("holdfast.replicas", "1")),
                Integer.parseInt(value("holdfast.view.port", "8085")));
    }

    /**
     * A configuration for tests and benchmarks: every port free right now (the Kafka controller's, kafkaPort + 1,
     * too), data under {@code home}, jars looked up under {@code repositoryRoot}.
     */
    public static StackConfig onFreePorts(Path home, Path repositoryRoot) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int kafka = adjacentPair(held);
            int[] ports = new int[7];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return new StackConfig(home, kafka, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5],
                    repositoryRoot, 1, ports[6]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            held.forEach(StackConfig::closeQuietly);
        }
    }

    /** The KRaft controller's port: the one after Kafka's. */
    public int controllerPort() {
        return kafkaPort + 1;
    }

    /** A port that is free right now (for the second and later replicas of a service). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static int adjacentPair(List<ServerSocket> held) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket first = new ServerSocket(0);
            try {
                ServerSocket second = new ServerSocket(first.getLocalPort() + 1);
                held.add(first);
                held.add(second);
                return first.getLocalPort();
            } catch (IOException busy) {
                first.close();
            }
        }
        throw new IOException("no two adjacent free ports found");
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a probe socket; nothing to do
        }
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
