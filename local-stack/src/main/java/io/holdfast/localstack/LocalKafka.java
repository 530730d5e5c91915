package io.holdfast.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft: broker and controller in one process) running in this JVM, from the Apache
 * Kafka jars: a fixed port and a persistent data directory, so the local stack restarts with its topics and
 * offsets intact. Not a test double: the same broker code as production, with replication factor 1.
 *
 * <p>{@link #stop()} and {@link #restart()} take the node down and bring it back on the same ports and data
 * directory while the clients (the services, the merchant) keep running: a broker outage, for tests and drills.
 */
public final class LocalKafka implements AutoCloseable {

    private final Properties props;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private LocalKafka(Properties props, String bootstrapServers) {
        this.props = props;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dataDir} on first use, then starts the broker on {@code host:port} (controller on port+1). */
    public static LocalKafka start(String host, int port, int controllerPort, Path dataDir) throws Exception {
        return start(host, port, controllerPort, dataDir, Map.of());
    }

    /**
     * As {@link #start(String, int, int, Path)}, with broker properties that replace or add to the defaults: another
     * listener (TLS with client certificates), an authorizer, another partition count.
     */
    public static LocalKafka start(String host, int port, int controllerPort, Path dataDir,
                                   Map<String, String> overrides) throws Exception {
        Files.createDirectories(dataDir);
        String logDir = dataDir.toAbsolutePath().toString();
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + host + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")));
        props.putAll(overrides);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        }
        LocalKafka kafka = new LocalKafka(props, host + ":" + port);
        kafka.restart();
        return kafka;
    }

    /**
     * Shuts the node down (broker and controller; its log is flushed, as in a clean shutdown): every client's
     * connection is closed and new ones are refused until {@link #restart()}. Does nothing when it is stopped.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the node again on the same ports and data directory (topics, records, offsets intact). */
    public synchronized void restart() {
        if (server == null) {
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            started.startup();
            server = started;
        }
    }

    /** False between {@link #stop()} and {@link #restart()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that are missing (partitions as given, replication factor 1). */
    public void createTopics(List<String> topics, int partitions) throws InterruptedException, IOException {
        for (String topic : topics) {
            createTopic(topic, partitions, Map.of());
        }
    }

    /** Creates the topic with these topic configs unless it exists (replication factor 1). */
    public void createTopic(String topic, int partitions, Map<String, String> configs)
            throws InterruptedException, IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("cannot create topic " + topic, e.getCause());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
