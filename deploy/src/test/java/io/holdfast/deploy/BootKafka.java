package io.holdfast.deploy;

import io.holdfast.localstack.LocalKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import tools.jackson.databind.JsonNode;

/**
 * A real single-node Kafka (KRaft) in this JVM (local-stack's {@link LocalKafka}), configured as the Strimzi cluster the manifests name: an mTLS
 * listener (client certificates required, principal {@code User:CN=<KafkaUser>}), the {@code StandardAuthorizer}
 * with the rendered KafkaUsers' ACLs and nothing else allowed, and the rendered KafkaTopics (replication factor 1,
 * one broker). The test's own clients connect as the super user {@code CN=holdfast-boot-test-admin}.
 */
final class BootKafka implements AutoCloseable {

    static final String ADMIN = "holdfast-boot-test-admin";

    private final LocalKafka server;
    private final String bootstrapServers;
    private final Map<String, Object> adminConfig;

    private BootKafka(LocalKafka server, String bootstrapServers, Map<String, Object> adminConfig) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminConfig = adminConfig;
    }

    static BootKafka start(BootPki pki, Path dir) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        int controllerPort = freePort();
        char[] password = "test-only-broker".toCharArray();
        Path keystore = dir.resolve("broker.p12");
        Files.write(keystore, pki.server().pkcs12("broker", password));
        Path truststore = dir.resolve("ca.crt");
        Files.writeString(truststore, pki.caPem());
        Path adminKeystore = dir.resolve("admin.p12");
        Files.write(adminKeystore, pki.client(ADMIN).pkcs12(ADMIN, password));
        LocalKafka kafka = LocalKafka.start("localhost", port, controllerPort, dir.resolve("data"), Map.ofEntries(
                Map.entry("listeners", "TLS://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "TLS://localhost:" + port),
                Map.entry("listener.security.protocol.map", "TLS:SSL,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "TLS"),
                Map.entry("ssl.client.auth", "required"),
                Map.entry("ssl.keystore.type", "PKCS12"),
                Map.entry("ssl.keystore.location", keystore.toString()),
                Map.entry("ssl.keystore.password", new String(password)),
                Map.entry("ssl.key.password", new String(password)),
                Map.entry("ssl.truststore.type", "PEM"),
                Map.entry("ssl.truststore.location", truststore.toString()),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                // the node's own principals: CN=localhost on the TLS (inter-broker) listener, ANONYMOUS on the
                // plaintext controller listener
                Map.entry("super.users", "User:CN=" + ADMIN + ";User:CN=localhost;User:ANONYMOUS"),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                Map.entry("num.partitions", "1")));
        Map<String, Object> admin = new HashMap<>();
        admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        admin.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        admin.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        admin.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, adminKeystore.toString());
        admin.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, new String(password));
        admin.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        admin.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toString());
        return new BootKafka(kafka, "localhost:" + port, admin);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client configuration of the test's super user (for consumers, producers and the admin client). */
    Map<String, Object> adminClientConfig() {
        return new HashMap<>(adminConfig);
    }

    Admin admin() {
        Map<String, Object> config = adminClientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(config);
    }

    /** Every rendered KafkaTopic (name, partitions, config), with replication factor 1 and min ISR 1 (one broker). */
    void createTopics(Rendering rendering) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (Rendering.RenderedObject topic : rendering.ofKind("KafkaTopic")) {
            JsonNode spec = topic.spec();
            Map<String, String> config = new HashMap<>();
            spec.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asString()));
            config.put("min.insync.replicas", "1");
            String name = spec.path("topicName").asString(topic.name());
            topics.add(new NewTopic(name, spec.path("partitions").asInt(), (short) 1).configs(config));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The simple-authorization ACLs of every rendered KafkaUser, for principal {@code User:CN=<name>} as Strimzi
     * sets them (type, name, patternType, operations, host).
     */
    void createAcls(Rendering rendering) throws InterruptedException, ExecutionException, TimeoutException {
        List<AclBinding> bindings = new ArrayList<>();
        for (Rendering.RenderedObject user : rendering.ofKind("KafkaUser")) {
            String principal = "User:CN=" + user.name();
            for (JsonNode acl : user.spec().path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                ResourcePattern pattern = new ResourcePattern(
                        ResourceType.fromString(upperSnake(resource.path("type").asString())),
                        resource.path("name").asString("kafka-cluster"),
                        PatternType.fromString(upperSnake(resource.path("patternType").asString("literal"))));
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(op -> operations.add(op.asString()));
                if (acl.has("operation")) {
                    operations.add(acl.path("operation").asString());
                }
                for (String operation : operations) {
                    bindings.add(new AclBinding(pattern, new AccessControlEntry(principal,
                            acl.path("host").asString("*"), AclOperation.fromString(upperSnake(operation)),
                            AclPermissionType.fromString(upperSnake(acl.path("type").asString("allow"))))));
                }
            }
        }
        try (Admin admin = admin()) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Strimzi's operation names (Read, DescribeConfigs, IdempotentWrite) as Kafka's enum names. */
    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
