package io.holdfast.localstack;

import io.holdfast.localstack.demo.BoardDemo;
import io.holdfast.localstack.demo.Demo;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--demo] [--exit-when-started] [--replicas=N]}: runs Holdfast on embedded
 * defaults. Starts an in-process Kafka broker, the schema registry, embedded PostgreSQL, then alipay-sandbox and
 * the services as separate JVMs, waits until each answers its health check, prints where everything listens and a
 * few commands to try, and stops everything on Ctrl-C. {@code --demo} then drives one payment through every flow
 * and prints each payment's event timeline. {@code --replicas=N} runs N processes of each service (same consumer
 * groups: Kafka spreads the partitions over them; the edge's replicas sit behind a load balancer on the ingest
 * port). As a library: {@link #start(StackConfig, PrintStream)}.
 */
public final class LocalStack {

    public static final String SANDBOX = "alipay-sandbox";
    public static final String INGEST = "notification-ingest";
    public static final String AUTHORIZATION = "authorization-service";
    public static final String CAPTURE = "capture-service";
    public static final String VIEW = "payment-view";
    /** The child processes, in start order (payment-view runs once, whatever the replicas). */
    public static final List<String> MODULES = List.of(SANDBOX, INGEST, AUTHORIZATION, CAPTURE, VIEW);
    /** The console's demo operator login (a local demo credential; payment-view gets its bcrypt hash). */
    public static final String DEMO_OPERATOR = "operator";
    public static final String DEMO_OPERATOR_PASSWORD = "holdfast-demo";
    /** The console's demo viewer login (reads, cannot act). */
    public static final String DEMO_VIEWER = "viewer";
    public static final String DEMO_VIEWER_PASSWORD = "holdfast-view";
    /** The edge's READ_API login at payment-view (local only). */
    static final String EDGE_READ_USER = "edge";
    static final String EDGE_READ_PASSWORD = "hf-local-edge-read-password";
    /** The merchant of the edge's HTTP API ({@code /v1/**}); its paymentRequestIds start with {@code demo-}. */
    public static final String DEMO_MERCHANT_ID = "demo";
    /** The demo merchant's API key ({@code Authorization: Bearer ...}); a local test key, the edge gets its SHA-256. */
    public static final String DEMO_MERCHANT_API_KEY = "hf-local-demo-merchant-key";
    /** notification-ingest's shared Idempotency-Key records ({@code holdfast.ingest.idempotency.topic}). */
    static final String IDEMPOTENCY_TOPIC = "holdfast.idempotency";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        Console console = new Console(System.out);
        StackConfig config = StackConfig.fromEnvironment();
        for (String flag : flags) {
            if (flag.startsWith("--replicas=")) {
                config = config.withReplicas(Integer.parseInt(flag.substring("--replicas=".length())));
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        List<RunningStack> holder = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (holder) {
                holder.forEach(RunningStack::close);
            }
            stopped.countDown();
        }, "local-stack-shutdown"));
        long begin = System.nanoTime();
        RunningStack stack;
        try {
            stack = start(config, System.out);
            synchronized (holder) {
                holder.add(stack);
            }
            if (!stack.awaitHealthy(Duration.ofSeconds(120), console)) {
                throw new IllegalStateException("not healthy within 120 s: " + stack.notYetHealthy()
                        + " (logs in " + config.home().resolve("logs").toAbsolutePath() + ")");
            }
        } catch (Exception e) {
            console.failed("could not start the local stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        console.ready(Duration.ofNanos(System.nanoTime() - begin), stack);
        if (flags.contains("--demo")) {
            Demo.run(stack.endpoints(), System.out);
            BoardDemo.leaveOpenAuthorizations(stack.ingestUrl(), stack.consoleUrl(), System.out);
        }
        if (flags.contains("--exit-when-started")) {
            System.exit(0);
        }
        stopped.await();
    }

    /**
     * Starts Kafka, the registry and PostgreSQL in this JVM and the modules' executable jars as child processes;
     * returns without waiting for the children to be healthy (see {@link RunningStack#notYetHealthy()}). Modules
     * without a built jar are left out and listed in {@link RunningStack#missingModules()}.
     */
    public static RunningStack start(StackConfig config, PrintStream progress) throws Exception {
        Console console = new Console(progress);
        Path home = config.home().toAbsolutePath();
        List<AutoCloseable> started = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        List<Replica> children = new ArrayList<>();
        try {
            // the sandbox needs nothing but its keys: its JVM starts while Kafka and PostgreSQL come up
            SandboxKeys keys = SandboxKeys.ensure(home.resolve("sandbox"), new SecureRandom());
            startModule(config, console, SANDBOX, SANDBOX, new ServiceArguments(config, null, null, null, keys).sandbox(),
                    missing).ifPresent(child -> children.add(new Replica(child, HealthProbe.sandboxHealthUrl(config.sandboxPort()))));

            console.step("Kafka (KRaft, in-process)");
            LocalKafka kafka = LocalKafka.start("localhost", config.kafkaPort(), config.controllerPort(), home.resolve("kafka"));
            started.add(kafka);
            List<String> topics = new ArrayList<>();
            Topics.ALL.forEach(topic -> {
                topics.add(topic);
                topics.add(Topics.deadLetter(topic));
            });
            kafka.createTopics(topics, 3);
            // notification-ingest's shared Idempotency-Key records (compacted; as deploy's KafkaTopic)
            kafka.createTopic(IDEMPOTENCY_TOPIC, 3, Map.of("cleanup.policy", "compact,delete",
                    "retention.ms", "172800000", "segment.ms", "3600000"));
            topics.add(IDEMPOTENCY_TOPIC);
            console.done(kafka.bootstrapServers() + ", topics " + String.join(", ", topics));

            console.step("schema registry (Confluent REST API)");
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start("localhost", config.registryPort(),
                    home.resolve("registry/registry.json"));
            started.add(registry);
            // every released schema version, as Kubernetes' schema-registration Job: producers need not register
            ReleasedSchemaRegistration.registerAll(registry.url());
            console.done(registry.url());

            console.step("PostgreSQL 17 (embedded)");
            LocalPostgres postgres = LocalPostgres.start(config.postgresPort(), home.resolve("postgres"));
            started.add(postgres);
            postgres.createDatabases(List.of("authorization", "capture", "view"));
            console.done("localhost:" + postgres.port() + " (databases authorization, capture, view; user postgres)");

            ServiceArguments arguments = new ServiceArguments(config, kafka.bootstrapServers(), registry.url(),
                    postgres, keys);
            List<Integer> ingestPorts = replicaPorts(config.ingestPort(), config.replicas() > 1, config.replicas());
            if (config.replicas() > 1) {
                console.step("load balancer for " + INGEST);
                started.add(LocalLoadBalancer.start(config.ingestPort(), ingestPorts));
                console.done("127.0.0.1:" + config.ingestPort() + " -> ports " + ingestPorts);
            }
            for (int replica = 1; replica <= config.replicas(); replica++) {
                int ingest = ingestPorts.get(replica - 1);
                startModule(config, console, INGEST, replicaName(INGEST, replica), arguments.ingest(ingest), missing)
                        .ifPresent(child -> children.add(new Replica(child, HealthProbe.actuatorHealthUrl(ingest))));
            }
            for (String module : List.of(AUTHORIZATION, CAPTURE)) {
                int basePort = module.equals(AUTHORIZATION) ? config.authorizationPort() : config.capturePort();
                List<Integer> ports = replicaPorts(basePort, false, config.replicas());
                for (int replica = 1; replica <= config.replicas(); replica++) {
                    int port = ports.get(replica - 1);
                    ServiceArguments.Launch launch = module.equals(AUTHORIZATION) ? arguments.authorization(port)
                            : arguments.capture(port);
                    startModule(config, console, module, replicaName(module, replica), launch, missing)
                            .ifPresent(child -> children.add(new Replica(child, HealthProbe.actuatorHealthUrl(port))));
                }
            }
            int view = config.viewPort();
            startModule(config, console, VIEW, VIEW, arguments.view(view), missing)
                    .ifPresent(child -> children.add(new Replica(child, HealthProbe.actuatorHealthUrl(view))));
            RunningStack stack = new RunningStack(config, kafka, postgres, registry.url(), keys, started);
            children.forEach(replica -> stack.add(replica.child(), replica.healthUrl()));
            missing.forEach(stack::missing);
            return stack;
        } catch (Exception e) {
            children.forEach(replica -> replica.child().requestStop());
            for (Replica replica : children) {
                replica.child().stop(Duration.ofSeconds(20));
            }
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** A started child process and the URL that answers 200 once it is ready. */
    private record Replica(ChildProcess child, String healthUrl) {
    }

    /**
     * The process name of a service's replica: the module's name for the first (so one-replica stacks and their
     * logs look as before), {@code <module>-<n>} for the others.
     */
    public static String replicaName(String module, int replica) {
        return replica == 1 ? module : module + "-" + replica;
    }

    /** Ports of the replicas: the configured one first unless it is taken by a load balancer, then free ones. */
    private static List<Integer> replicaPorts(int configured, boolean configuredIsBalancer, int replicas) {
        List<Integer> ports = new ArrayList<>();
        if (!configuredIsBalancer) {
            ports.add(configured);
        }
        while (ports.size() < replicas) {
            int port = StackConfig.freePort();
            if (port != configured && !ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static Optional<ChildProcess> startModule(StackConfig config, Console console, String module,
                                                      String name, ServiceArguments.Launch launch,
                                                      Map<String, String> missing) throws IOException {
        Optional<Path> jar = ChildProcess.executableJar(config.repositoryRoot(), module);
        if (jar.isEmpty()) {
            String why = "no executable jar " + module + "/target/" + module + "-*-exec.jar under "
                    + config.repositoryRoot().toAbsolutePath().normalize()
                    + " (run ./mvnw -B install -DskipTests first)";
            missing.put(module, why);
            console.skipped(module, why);
            return Optional.empty();
        }
        console.step(name);
        ChildProcess child = ChildProcess.start(name, jar.get(), launch.args(), launch.environment(),
                config.home().resolve("logs"));
        console.done("pid " + child.pid() + ", log " + child.log());
        return Optional.of(child);
    }
}
