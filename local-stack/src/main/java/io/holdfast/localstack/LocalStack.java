package io.holdfast.localstack;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar}: runs Holdfast on embedded defaults. Starts an in-process
 * Kafka broker, embedded PostgreSQL, the schema registry, then alipay-sandbox and the services as separate JVMs,
 * prints where everything listens and a few commands to try, and stops everything on Ctrl-C.
 */
public final class LocalStack {

    private final StackConfig config;
    private final Console console;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ChildProcess> children = new ArrayList<>();

    LocalStack(StackConfig config, Console console) {
        this.config = config;
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(StackConfig.fromEnvironment(), new Console(System.out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            stack.console.failed("could not start the local stack: " + e.getMessage());
            stack.stop();
            System.exit(1);
        }
        if (List.of(args).contains("--exit-when-started")) {
            stack.stop();
            return;
        }
        stopped.await();
    }

    void start() throws Exception {
        Path home = config.home().toAbsolutePath();
        long begin = System.nanoTime();
        console.step("Kafka (KRaft, in-process)");
        LocalKafka kafka = LocalKafka.start("localhost", config.kafkaPort(), config.kafkaPort() + 1, home.resolve("kafka"));
        started.add(kafka);
        List<String> topics = new ArrayList<>();
        Topics.ALL.forEach(topic -> {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        });
        kafka.createTopics(topics, 3);
        console.done(kafka.bootstrapServers() + ", topics " + String.join(", ", topics));

        console.step("schema registry (Confluent REST API)");
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start("localhost", config.registryPort(),
                home.resolve("registry/registry.json"));
        started.add(registry);
        console.done(registry.url());

        console.step("PostgreSQL 17 (embedded)");
        LocalPostgres postgres = LocalPostgres.start(config.postgresPort(), home.resolve("postgres"));
        started.add(postgres);
        postgres.createDatabases(List.of("authorization", "capture"));
        console.done("localhost:" + postgres.port() + " (databases authorization, capture; user postgres)");

        ServiceArguments arguments = new ServiceArguments(config, kafka.bootstrapServers(), registry.url(), postgres);
        startChild("alipay-sandbox", arguments.sandbox());
        startChild("notification-ingest", arguments.ingest());
        startChild("authorization-service", arguments.authorization());
        startChild("capture-service", arguments.capture());

        console.ready(Duration.ofNanos(System.nanoTime() - begin), kafka.bootstrapServers(), registry.url(), config, children);
    }

    private void startChild(String module, List<String> args) throws IOException {
        Optional<Path> jar = ChildProcess.executableJar(config.repositoryRoot(), module);
        if (jar.isEmpty()) {
            console.skipped(module, "no executable jar under " + module + "/target (run ./mvnw install -DskipTests first)");
            return;
        }
        console.step(module);
        ChildProcess child = ChildProcess.start(module, jar.get(), args, config.home().resolve("logs"));
        children.add(child);
        console.done("pid " + child.pid() + ", log " + child.log());
    }

    void stop() {
        for (int i = children.size() - 1; i >= 0; i--) {
            try {
                children.get(i).stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                console.failed("stopping " + started.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
