package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.holdfast.schemas.serde.AvroDeserializer;
import io.holdfast.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs what Kubernetes would run: for each overlay, the services' (and payment-view's) executable jars started from
 * the rendered
 * Deployments, ConfigMaps and the Secrets the deploy README tells the operator to create (and Strimzi creates), laid
 * out as the kubelet would ({@link BootPod}), against local stand-ins for the cluster's endpoints only:
 * <ul>
 *   <li>Kafka: an in-process broker configured as the Strimzi cluster ({@link BootKafka}): mTLS with client
 *       certificates {@code CN=<KafkaUser>} (the KafkaUser Secret's {@code user.p12}/{@code user.password}), the
 *       rendered KafkaUsers' ACLs enforced by the {@code StandardAuthorizer} (nothing else allowed), the rendered
 *       KafkaTopics. A consumer group the ACLs do not name cannot join, a principal without Write cannot publish;</li>
 *   <li>PostgreSQL: zonky with TLS, the Cluster's {@code pg_hba} and parameters, its managed roles with the
 *       passwords of the {@code <service>-db} Secrets and the {@code Database} owners ({@link BootPostgres}); the
 *       services keep {@code verify-full} against the CA file the manifests mount;</li>
 *   <li>the schema registry: the embedded Confluent-compatible registry from {@code schemas}, reached by each service
 *       on the path the manifests name ({@code /apis/ccompat/v7}) through an endpoint of its own
 *       ({@link RegistryEndpoint}), so the test sees which service used it and how. The released schema versions are
 *       registered first, as the deploy-time registration does in the cluster;</li>
 *   <li>Antom: the alipay-sandbox, over HTTPS where the manifests name Antom (its certificate in the JVM's trust
 *       store), over HTTP where the dev overlay names the in-cluster sandbox.</li>
 * </ul>
 * It asserts that each service becomes ready on its readiness probe; that authorization-service and
 * capture-service consume in the consumer group the KEDA ScaledObject and the KafkaUser ACL name, and payment-view in
 * the group its KafkaUser's ACL names (AdminClient:
 * active groups, members, assigned topics, and the cooperative-sticky assignor); that each service talks to the registry URL the manifests name (and,
 * in prod, never registers a schema); that each database is reached over TLS by the role its Secret names and
 * migrated by it (Flyway's {@code installed_by}); and that one payment goes through: authorize with card data over
 * the edge's merchant API (merchant from the config tree), pay at Antom, manual capture, {@code CaptureSucceeded},
 * and the payment read back through the edge's {@code GET /v1/payments/{id}} as {@code CAPTURED} (payment-view's read
 * model, reached with the READ_API login of the Secrets payment-view-users and payment-view-read-api); and that each
 * answers the ServiceMonitor's endpoint (management port, {@code /actuator/prometheus}) without a login. It also stops
 * them all at once (SIGTERM) and checks each exits within its grace period less the preStop sleep.
 *
 * <p>Wall time (measured on the 2-core build machine): about 55 s for the class on a quiet machine with the three
 * services (per overlay ≈ 21 s: the services booted concurrently, the payment, their shutdown; the rest is the
 * broker, PostgreSQL, registry and sandbox, started once for all overlays), about 100 s at a load average of 14;
 * with payment-view as a fourth JVM and the read-back, 70-72 s while other builds ran. The
 * payment runs in every overlay: dev and prod differ exactly where a payment goes (Antom over HTTPS or the
 * in-cluster sandbox over HTTP, schema registration off in prod), so one overlay's payment would not vouch for the
 * other.
 *
 * <p>Skipped (with a message) only where {@code kubectl} is not installed; it fails, naming the command, where a
 * service's executable jar has not been built.
 */
class ManifestBootTests {

    private static final String MERCHANT_ID = "boot";
    private static final String MERCHANT_API_KEY = "hf-boot-test-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view");
    /** The edge's READ_API login at payment-view (test-only, generated per run). */
    private static final String READ_API_SECRET = UUID.randomUUID().toString();
    /** Of the trust store holding the local Antom's certificate (public data; generated per run). */
    private static final String TRUST_STORE_SECRET = UUID.randomUUID().toString();
    private static final String REGISTRY_HOST = "apicurio-registry.holdfast-data.svc:8080";

    @TempDir
    static Path dir;

    private static BootKafka kafka;
    private static BootPostgres postgres;
    private static EmbeddedSchemaRegistry registry;
    private static AlipaySandbox sandbox;
    private static Path sandboxTrustStore;
    private static final Map<String, Map<String, byte[]>> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Path> JARS = new HashMap<>();

    static List<String> overlays() {
        return Overlays.names();
    }

    @BeforeAll
    static void cluster() throws Exception {
        List<Rendering> renderings = Overlays.all().toList();
        Path repository = Overlays.K8S.getParent().getParent();
        for (String service : SERVICES) {
            JARS.put(service, executableJar(repository, service));
        }
        BootPki pki = new BootPki(Clock.systemUTC());
        Rendering first = renderings.get(0);
        kafka = BootKafka.start(pki, dir.resolve("kafka"));
        kafka.createTopics(first);
        for (Rendering rendering : renderings) {
            kafka.createAcls(rendering);
        }
        Map<String, String> dbPasswords = new HashMap<>();
        JsonNode cluster = first.find("Cluster", "holdfast-data", "holdfast-pg").orElseThrow().raw();
        SecureRandom random = new SecureRandom();
        // README step 3: one kubernetes.io/basic-auth Secret per role (username = role, random password)
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            String secret = role.path("passwordSecret").path("name").asString();
            String password = HexFormat.of().formatHex(random.generateSeed(16));
            dbPasswords.put(secret, password);
            SECRETS.put(secret, Map.of("username", utf8(role.path("name").asString()), "password", utf8(password)));
        }
        postgres = BootPostgres.start(pki, cluster, dir.resolve("postgres"));
        postgres.createRolesAndDatabases(cluster, first.ofKind("Database").stream()
                .map(Rendering.RenderedObject::raw).toList(), dbPasswords);
        registry = EmbeddedSchemaRegistry.startOnFreePort();
        registerAsTheJobDoesWhileAServiceWaits(first);

        KeyPair merchant = AlipayKeys.generate(random);
        AlipaySandbox.Builder sandboxBuilder = AlipaySandbox.builder().host("127.0.0.1").httpsPort(0);
        Set<String> clientIds = new TreeSet<>();
        for (Rendering rendering : renderings) {
            clientIds.add(configValue(rendering, "holdfast-common", "holdfast.alipay.client-id"));
            clientIds.add(configValue(rendering, "notification-ingest-config", "holdfast.ingest.antom.client-id"));
        }
        clientIds.forEach(clientId -> sandboxBuilder.client(clientId, merchant.getPublic()));
        sandbox = sandboxBuilder.start();
        sandboxTrustStore = dir.resolve("antom-trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("antom", sandbox.certificate());
        try (var out = Files.newOutputStream(sandboxTrustStore)) {
            trust.store(out, TRUST_STORE_SECRET.toCharArray());
        }

        // README step 3: the Antom keys; Strimzi: a Secret per KafkaUser; step 6: the two CA certificates
        SECRETS.put("antom-merchant-key", Map.of("holdfast.alipay.merchant-private-key",
                utf8(AlipayKeys.toBase64(merchant.getPrivate()))));
        String antomPublicKey = AlipayKeys.toBase64(sandbox.sandboxPublicKey());
        SECRETS.put("antom-public-keys", Map.of("holdfast.alipay.alipay-public-keys.1", utf8(antomPublicKey),
                "holdfast.ingest.antom.alipay-public-keys.1", utf8(antomPublicKey)));
        for (Rendering.RenderedObject user : first.ofKind("KafkaUser")) {
            String password = HexFormat.of().formatHex(random.generateSeed(12));
            BootPki.Identity identity = pki.client(user.name());
            SECRETS.put(user.name(), Map.of("user.p12", identity.pkcs12(user.name(), password.toCharArray()),
                    "user.password", utf8(password), "user.crt", utf8(identity.certificatePem()),
                    "user.key", utf8(identity.privateKeyPem()), "ca.crt", utf8(pki.caPem())));
        }
        // the CA Secrets Strimzi and CloudNativePG create in holdfast-data: the pods get their certificates through
        // the rendered trust-manager Bundles (BootPod writes each Bundle's target as trust-manager does)
        SECRETS.put("holdfast-cluster-ca-cert", Map.of("ca.crt", utf8(pki.caPem())));
        SECRETS.put("holdfast-pg-ca", Map.of("ca.crt", utf8(pki.caPem())));
        // README step 3: the merchants of the edge's API (config-tree keys; only the API key's SHA-256)
        SECRETS.put("holdfast-merchants", Map.of(
                "holdfast.ingest.merchants.0.id", utf8(MERCHANT_ID),
                "holdfast.ingest.merchants.0.api-key-sha256", utf8(sha256Hex(MERCHANT_API_KEY)),
                "holdfast.ingest.merchants.0.payment-request-id-prefix", utf8(MERCHANT_ID + "-")));
        // README step 3: payment-view's logins (bcrypt hashes only) and the edge's READ_API password
        SECRETS.put("payment-view-users", Map.of(
                "holdfast.view.users.0.username", utf8("edge"),
                "holdfast.view.users.0.password-hash", utf8("{bcrypt}" + OpenBSDBCrypt.generate("2a",
                        READ_API_SECRET.toCharArray(), random.generateSeed(16), 10)),
                "holdfast.view.users.0.role", utf8("READ_API")));
        SECRETS.put("payment-view-read-api", Map.of("password", utf8(READ_API_SECRET)));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theRenderedManifestsBootTheServicesAndProcessAPayment(String overlay) throws Exception {
        Rendering rendering = Overlays.render(overlay);
        Path podsDir = Files.createDirectories(dir.resolve(overlay));
        Map<String, Map<Integer, Integer>> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ports.put(service, Map.of(8080, BootKafka.freePort(), 8081, BootKafka.freePort()));
        }
        String edge = "http://127.0.0.1:" + ports.get("notification-ingest").get(8080);
        Map<String, RegistryEndpoint> registries = new LinkedHashMap<>();
        List<BootPod> pods = new ArrayList<>();
        try {
            for (String service : SERVICES) {
                String registryUrl = configValue(rendering, "holdfast-common",
                        "spring.kafka.properties.schema.registry.url");
                RegistryEndpoint endpoint = new RegistryEndpoint(URI.create(registryUrl).getPath(), registry.url());
                registries.put(service, endpoint);
                Map<String, String> endpoints = new LinkedHashMap<>();
                endpoints.put("holdfast-kafka-bootstrap.holdfast-data.svc:9093", kafka.bootstrapServers());
                endpoints.put(REGISTRY_HOST, endpoint.hostAndPort());
                endpoints.put("holdfast-pg-rw.holdfast-data.svc:5432", "localhost:" + postgres.port());
                endpoints.put("https://open-sea-global.alipay.com", sandbox.httpsBaseUrl());
                endpoints.put("http://alipay-sandbox.holdfast.svc:8080", sandbox.baseUrl());
                // the public edge (TLS ends at the ingress) and the in-cluster Service of the edge
                endpoints.put("https://pay.holdfast.example", edge);
                endpoints.put("https://pay.dev.holdfast.example", edge);
                endpoints.put("http://notification-ingest.holdfast.svc:8080", edge);
                // the edge's merchant read API reads payment-view's internal read API through its Service
                endpoints.put("http://payment-view.holdfast.svc:8080",
                        "http://127.0.0.1:" + ports.get("payment-view").get(8080));
                // the edge host of the prod values files the tests render when the operator's are absent
                endpoints.put("https://TEST_ONLY_EDGE_HOST", edge);
                pods.add(BootPod.start(rendering, service, name -> Optional.ofNullable(SECRETS.get(name)),
                        ports.get(service), endpoints, JARS.get(service),
                        List.of("-Djavax.net.ssl.trustStore=" + sandboxTrustStore,
                                "-Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_SECRET),
                        podsDir));
            }
            awaitReady(overlay, pods);

            assertConsumerGroups(overlay, rendering, pods);

            String paymentRequestId = MERCHANT_ID + "-" + overlay + "-" + UUID.randomUUID().toString().substring(0, 8);
            pay(overlay, edge, paymentRequestId, pods);
            readBack(overlay, edge, paymentRequestId, pods);
            assertScrapeable(overlay, rendering, ports);

            assertRegistryUse(overlay, registries);
            assertDatabaseLogins(overlay, rendering);
            assertShutdownWithinGracePeriod(overlay, rendering, pods);
        } finally {
            // SIGTERM to all first, so their graceful shutdowns overlap
            pods.forEach(BootPod::terminate);
            for (BootPod pod : pods) {
                pod.close();
            }
            registries.values().forEach(RegistryEndpoint::close);
        }
    }

    private static void awaitReady(String overlay, List<BootPod> pods) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (BootPod pod : pods) {
                    if (!pod.isAlive()) {
                        fail("%s/%s exited before it was ready:%n%s", overlay, pod.name(), pod.logTail(40));
                    }
                }
                return pods.stream().allMatch(BootPod::ready);
            });
        } catch (ConditionTimeoutException e) {
            StringBuilder why = new StringBuilder();
            for (BootPod pod : pods) {
                if (!pod.ready()) {
                    why.append("\n--- ").append(pod.name()).append(" not ready:\n").append(pod.logTail(40));
                }
            }
            fail("%s: not ready within 120 s%s", overlay, why);
        }
    }

    /**
     * Active groups = the ScaledObjects' consumerGroup per service, each with the topics of its triggers; and
     * payment-view's (no autoscaler): the group its KafkaUser's ACL names, with the topics it may read.
     */
    private static void assertConsumerGroups(String overlay, Rendering rendering, List<BootPod> pods)
            throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        JsonNode viewAcls = rendering.find("KafkaUser", "holdfast", "payment-view").orElseThrow().spec()
                .path("authorization").path("acls");
        Set<String> viewTopics = new TreeSet<>(Set.of("assignor=cooperative-sticky"));
        String viewGroup = null;
        for (JsonNode acl : viewAcls) {
            boolean read = acl.path("operations").valueStream().anyMatch(op -> op.asString().equals("Read"));
            String type = acl.path("resource").path("type").asString();
            if (read && type.equals("group")) {
                viewGroup = acl.path("resource").path("name").asString();
            } else if (read && type.equals("topic")) {
                viewTopics.add(acl.path("resource").path("name").asString());
            }
        }
        assertThat(viewGroup).as("%s: payment-view's KafkaUser names its group", overlay).isNotNull();
        expected.put(viewGroup, viewTopics);
        for (Rendering.RenderedObject scaled : rendering.ofKind("ScaledObject")) {
            for (JsonNode trigger : scaled.spec().path("triggers")) {
                expected.computeIfAbsent(trigger.path("metadata").path("consumerGroup").asString(),
                        group -> new TreeSet<>(Set.of("assignor=cooperative-sticky")))
                        .add(trigger.path("metadata").path("topic").asString());
            }
        }
        try (Admin admin = kafka.admin()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Set<String>> active = activeGroups(admin);
                assertThat(active)
                        .as("%s: consumer groups with members and their assigned topics (expected: the KEDA"
                                + " ScaledObjects' consumerGroup/topic, which the KafkaUser ACLs allow)%s", overlay,
                                deniedGroups(pods))
                        .isEqualTo(expected);
            });
        }
    }

    private static Map<String, Set<String>> activeGroups(Admin admin) throws Exception {
        List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
        Map<String, Set<String>> active = new TreeMap<>();
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
            Set<String> topics = group.members().stream()
                    .map(MemberDescription::assignment)
                    .flatMap(a -> a.topicPartitions().stream())
                    .map(TopicPartition::topic)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!group.members().isEmpty()) {
                // incremental cooperative rebalancing (a rolling restart moves only the partitions that change owner)
                topics.add("assignor=" + group.partitionAssignor());
                active.put(group.groupId(), topics);
            }
        }
        return active;
    }

    private static String deniedGroups(List<BootPod> pods) {
        StringBuilder denied = new StringBuilder();
        for (BootPod pod : pods) {
            pod.logLines("GroupAuthorizationException").stream().limit(1)
                    .forEach(line -> denied.append("\n").append(pod.name()).append(": ").append(line.strip()));
        }
        return denied.toString();
    }

    private static void pay(String overlay, String edge, String paymentRequestId, List<BootPod> pods)
            throws Exception {
        String authorize = "{\"amount\":{\"valueMinor\":1250,\"currency\":\"USD\"},\"captureMode\":\"MANUAL\","
                + "\"deadlinePolicy\":\"VOID\",\"card\":{\"cardNo\":\"4054695723100768\",\"cvv\":\"123\","
                + "\"expiryMonth\":\"06\",\"expiryYear\":\"30\",\"holderName\":\"Boot Test\"},"
                + "\"order\":{\"referenceOrderId\":\"ORD-" + paymentRequestId + "\",\"orderDescription\":\"boot test\"},"
                + "\"env\":{\"terminalType\":\"WEB\",\"clientIp\":\"127.0.0.1\"},"
                + "\"paymentRedirectUrl\":\"https://merchant.example/return/" + paymentRequestId + "\"}";
        HttpResponse<String> authorized = post(edge, paymentRequestId, "authorize", authorize);
        assertThat(authorized.statusCode())
                .as("%s: POST /v1/payments/%s/authorize answered %s%n%s", overlay, paymentRequestId,
                        authorized.body(), logTails(pods))
                .isEqualTo(202);
        // capture-service parks a capture that overtakes PaymentAuthorized: no need to wait for it to consume that
        awaitEvent(overlay, paymentRequestId, "PaymentAuthorized", pods);
        HttpResponse<String> captured = post(edge, paymentRequestId, "capture",
                "{\"amount\":{\"valueMinor\":1250,\"currency\":\"USD\"}}");
        assertThat(captured.statusCode())
                .as("%s: POST /v1/payments/%s/capture answered %s", overlay, paymentRequestId, captured.body())
                .isEqualTo(202);
        awaitEvent(overlay, paymentRequestId, "CaptureSucceeded", pods);
    }

    /** The processed payment through the edge's merchant read API: payment-view's read model, CAPTURED. */
    private static void readBack(String overlay, String edge, String paymentRequestId, List<BootPod> pods) {
        HttpRequest read = HttpRequest.newBuilder(URI.create(edge + "/v1/payments/" + paymentRequestId))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + MERCHANT_API_KEY).GET().build();
        List<String> answers = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<String> response = HTTP.send(read, HttpResponse.BodyHandlers.ofString());
                answers.add(response.statusCode() + " " + response.body());
                return response.statusCode() == 200 && response.body().contains("\"status\":\"CAPTURED\"");
            });
        } catch (ConditionTimeoutException e) {
            fail("%s: GET /v1/payments/%s not CAPTURED within 30 s (last answers: %s)%n%s", overlay, paymentRequestId,
                    answers.subList(Math.max(0, answers.size() - 3), answers.size()), logTails(pods));
        }
    }

    /**
     * Prometheus's view: every service the ServiceMonitor selects answers its endpoint (port and path) with metrics,
     * without a login (payment-view's console login does not cover its management port).
     */
    private static void assertScrapeable(String overlay, Rendering rendering,
            Map<String, Map<Integer, Integer>> ports) throws Exception {
        JsonNode monitor = rendering.find("ServiceMonitor", "holdfast", "holdfast").orElseThrow().spec();
        JsonNode endpoint = monitor.path("endpoints").get(0);
        Set<String> selected = new TreeSet<>();
        monitor.path("selector").path("matchExpressions").get(0).path("values")
                .forEach(value -> selected.add(value.asString()));
        assertThat(selected).as("%s: the ServiceMonitor selects", overlay).containsAll(SERVICES);
        for (String service : SERVICES) {
            int containerPort = rendering.find("Service", "holdfast", service).orElseThrow().spec().path("ports")
                    .valueStream().filter(p -> p.path("name").asString().equals(endpoint.path("port").asString()))
                    .findFirst().orElseThrow().path("port").asInt();
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + ports.get(service).get(containerPort) + endpoint.path("path").asString()))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as("%s/%s: GET %s on port %s", overlay, service,
                    endpoint.path("path").asString(), endpoint.path("port").asString()).isEqualTo(200);
            assertThat(scrape.body()).as("%s/%s: Prometheus text", overlay, service).contains("jvm_memory_used_bytes");
        }
    }

    private static HttpResponse<String> post(String edge, String paymentRequestId, String operation, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(edge + "/v1/payments/" + paymentRequestId + "/" + operation))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + MERCHANT_API_KEY)
                        .header("Idempotency-Key", operation + "-" + paymentRequestId)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Reads payments.events as the test's super user, decoding with the registry the services used. */
    private static void awaitEvent(String overlay, String paymentRequestId, String type, List<BootPod> pods) {
        Map<String, Object> config = kafka.adminClientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, PaymentEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAYMENTS_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            try {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(10)).until(() -> {
                    for (ConsumerRecord<String, PaymentEvent> record : consumer.poll(Duration.ofMillis(500))) {
                        if (paymentRequestId.equals(record.key())) {
                            seen.add(record.value().getPayload().getClass().getSimpleName());
                        }
                    }
                    return seen.contains(type);
                });
            } catch (ConditionTimeoutException e) {
                fail("%s: no %s for %s on %s within 40 s (events seen: %s)%n%s", overlay, type, paymentRequestId,
                        Topics.PAYMENTS_EVENTS, seen, logTails(pods));
            }
        }
    }

    /** Every service used the registry on the path the manifests name; in prod none registered a schema. */
    private static void assertRegistryUse(String overlay, Map<String, RegistryEndpoint> registries) {
        registries.forEach((service, endpoint) -> {
            assertThat(endpoint.requests())
                    .as("%s/%s: requests to the registry URL the manifests name", overlay, service)
                    .isNotEmpty();
            if (overlay.equals("prod")) {
                assertThat(endpoint.requests())
                        .as("%s/%s: schema registrations (POST .../versions); prod registers at deploy time only",
                                overlay, service)
                        .noneMatch(request -> request.startsWith("POST ") && request.endsWith("/versions"));
            }
        });
    }

    /** Each database: the role of its Database CR, over TLS, and migrated by that role. */
    private static void assertDatabaseLogins(String overlay, Rendering rendering) throws Exception {
        List<BootPostgres.Session> sessions = postgres.sessions();
        for (Rendering.RenderedObject database : rendering.ofKind("Database")) {
            String name = database.spec().path("name").asString();
            String owner = database.spec().path("owner").asString();
            if (name.equals("registry")) {
                continue;
            }
            assertThat(sessions).as("%s: sessions on database %s", overlay, name)
                    .contains(new BootPostgres.Session(owner, name, true))
                    .filteredOn(session -> name.equals(session.database()))
                    .allSatisfy(session -> assertThat(session.ssl()).isTrue());
            assertThat(postgres.migratedBy(name)).as("%s: Flyway migrations of %s installed by", overlay, name)
                    .containsExactly(owner);
        }
    }

    /** SIGTERM to all at once (a rollout's end); each exits within its grace period less the preStop sleep. */
    private static void assertShutdownWithinGracePeriod(String overlay, Rendering rendering, List<BootPod> pods)
            throws Exception {
        List<Future<Duration>> stops = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(pods.size());
        try {
            for (BootPod pod : pods) {
                Duration budget = ShutdownBudgetTests.afterPreStop(rendering, pod.name());
                stops.add(executor.submit(() -> pod.stop(budget)));
            }
            for (int i = 0; i < pods.size(); i++) {
                Duration took = stops.get(i).get();
                assertThat(took).as("%s/%s: SIGTERM to exit", overlay, pods.get(i).name())
                        .isLessThanOrEqualTo(ShutdownBudgetTests.afterPreStop(rendering, pods.get(i).name()));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static String logTails(List<BootPod> pods) {
        return pods.stream().map(pod -> "--- " + pod.name() + ":\n" + pod.logTail(25))
                .collect(Collectors.joining("\n"));
    }

    private static String configValue(Rendering rendering, String configMapPrefix, String key) {
        return rendering.ofKind("ConfigMap").stream()
                .filter(cm -> cm.name().startsWith(configMapPrefix + "-") || cm.name().equals(configMapPrefix))
                .map(cm -> cm.raw().path("data").path(key))
                .filter(value -> !value.isMissingNode())
                .map(JsonNode::asString)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(rendering + ": no " + key + " in " + configMapPrefix));
    }

    /**
     * README step 7 and the services' init container {@code wait-for-schemas}: run against the empty registry, it keeps
     * waiting while all but the last released version are registered, and completes (exit 0) once the Job has
     * registered every one. Every service's pod then runs it again before its container starts ({@link BootPod}).
     */
    private static void registerAsTheJobDoesWhileAServiceWaits(Rendering rendering) throws Exception {
        String registryUrl = configValue(rendering, "holdfast-common", "spring.kafka.properties.schema.registry.url");
        try (RegistryEndpoint endpoint = new RegistryEndpoint(URI.create(registryUrl).getPath(), registry.url())) {
            Process init = BootPod.startInitContainer(rendering, "capture-service", 0,
                    name -> Optional.ofNullable(SECRETS.get(name)), Map.of(REGISTRY_HOST, endpoint.hostAndPort()),
                    Files.createDirectories(dir.resolve("init")));
            try {
                registerAsTheJobDoes(rendering, file -> !file.equals(lastReleasedVersion(rendering)));
                await("wait-for-schemas keeps waiting while " + lastReleasedVersion(rendering) + " is missing")
                        .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(init::isAlive);
                registerAsTheJobDoes(rendering, file -> true);
                await("wait-for-schemas completes once every version is registered")
                        .atMost(Duration.ofSeconds(30)).until(() -> !init.isAlive());
                assertThat(init.exitValue()).as("wait-for-schemas exit status").isZero();
            } finally {
                init.destroyForcibly();
            }
        }
    }

    private static String lastReleasedVersion(Rendering rendering) {
        List<String> files = schemaFiles(rendering).properties().stream().map(Map.Entry::getKey).sorted().toList();
        return files.get(files.size() - 1);
    }

    private static JsonNode schemaFiles(Rendering rendering) {
        JsonNode job = rendering.find("Job", "holdfast", "schema-registration").orElseThrow().spec()
                .path("template").path("spec");
        String configMap = job.path("volumes").get(0).path("configMap").path("name").asString();
        return rendering.find("ConfigMap", "holdfast", configMap).orElseThrow().raw().path("data");
    }

    /**
     * What the schema-registration Job does: every file of its ConfigMap (here: those {@code registered} selects), in
     * name order, POSTed to {@code $REGISTRY_URL/subjects/<subject>/versions} (the registry behind the path the Job's
     * URL names).
     */
    private static void registerAsTheJobDoes(Rendering rendering, Predicate<String> registered) throws Exception {
        JsonNode job = rendering.find("Job", "holdfast", "schema-registration").orElseThrow().spec()
                .path("template").path("spec");
        String registryUrl = "";
        for (JsonNode env : job.path("containers").get(0).path("env")) {
            if (env.path("name").asString().equals("REGISTRY_URL")) {
                registryUrl = env.path("value").asString();
            }
        }
        JsonNode files = schemaFiles(rendering);
        try (RegistryEndpoint endpoint = new RegistryEndpoint(URI.create(registryUrl).getPath(), registry.url())) {
            String local = registryUrl.replace(REGISTRY_HOST, endpoint.hostAndPort());
            for (String file : files.properties().stream().map(Map.Entry::getKey).filter(registered).sorted()
                    .toList()) {
                String subject = file.replaceAll("\\.v\\d{3}\\.json$", "");
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(local + "/subjects/"
                                + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(files.path(file).asString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("registering %s: %s", file, response.body()).isEqualTo(200);
            }
        }
    }

    private static Path executableJar(Path repository, String module) throws IOException {
        Path target = repository.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                Optional<Path> jar = files.filter(p -> p.getFileName().toString().startsWith(module)
                        && p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("no " + module + "/target/" + module + "-*-exec.jar: the boot test starts"
                + " the services' executable jars; build them first (./mvnw -B verify builds them before deploy,"
                + " or ./mvnw -B -pl " + module + " -am package -DskipTests)");
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
