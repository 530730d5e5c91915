package io.holdfast.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A started local stack, usable as a library (system tests, the demo, the benchmark): where everything listens,
 * the child processes by module name (kill, restart), and health. {@link #close()} stops everything.
 */
public final class RunningStack implements AutoCloseable {

    private final StackConfig config;
    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final String bootstrapServers;
    private final String registryUrl;
    private final SandboxKeys sandboxKeys;
    private final List<AutoCloseable> infrastructure;
    private final Map<String, ChildProcess> children = new LinkedHashMap<>();
    private final Map<String, String> healthUrls = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final HealthProbe probe = new HealthProbe();

    RunningStack(StackConfig config, LocalKafka kafka, LocalPostgres postgres, String registryUrl,
                 SandboxKeys sandboxKeys, List<AutoCloseable> infrastructure) {
        this.config = config;
        this.kafka = kafka;
        this.postgres = postgres;
        this.bootstrapServers = kafka.bootstrapServers();
        this.registryUrl = registryUrl;
        this.sandboxKeys = sandboxKeys;
        this.infrastructure = new ArrayList<>(infrastructure);
    }

    synchronized void add(ChildProcess child, String healthUrl) {
        children.put(child.name(), child);
        healthUrls.put(child.name(), healthUrl);
    }

    synchronized void missing(String module, String why) {
        missing.put(module, why);
    }

    public StackConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The schema registry, for {@code schema.registry.url}. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The Antom sandbox's base URL (its API, 3DS pages and {@code /sandbox/control/}). */
    public String sandboxUrl() {
        return "http://127.0.0.1:" + config.sandboxPort();
    }

    public String ingestUrl() {
        return "http://127.0.0.1:" + config.ingestPort();
    }

    /** payment-view's operations console. */
    public String consoleUrl() {
        return "http://127.0.0.1:" + config.viewPort() + "/console";
    }

    public SandboxKeys sandboxKeys() {
        return sandboxKeys;
    }

    /** What a merchant needs to talk to this stack. */
    public Endpoints endpoints() {
        return new Endpoints(bootstrapServers, registryUrl, sandboxUrl(), ingestUrl(), sandboxKeys);
    }

    public synchronized Optional<ChildProcess> child(String module) {
        return Optional.ofNullable(children.get(module));
    }

    public synchronized List<ChildProcess> children() {
        return List.copyOf(children.values());
    }

    /** Modules that were not started, with why (typically: no executable jar built). */
    public synchronized Map<String, String> missingModules() {
        return Map.copyOf(missing);
    }

    /** Kills a module's process at once (SIGKILL), as a crash would. */
    public void kill(String module) throws InterruptedException {
        running(module).kill();
    }

    /** Starts a killed or stopped module again with the same arguments. */
    public synchronized ChildProcess restart(String module) throws IOException {
        ChildProcess restarted = running(module).restart();
        children.put(module, restarted);
        return restarted;
    }

    /**
     * Stops the Kafka broker (a broker outage: the children keep running, their connections are closed and new
     * ones refused) until {@link #startKafka()}.
     */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the Kafka broker again on the same port and data directory, with its topics, records and offsets. */
    public void startKafka() {
        kafka.restart();
    }

    /**
     * Stops PostgreSQL (a database outage or failover: every open connection is closed, new ones are refused) until
     * {@link #startPostgres()}. Committed data stays.
     */
    public void stopPostgres() throws IOException {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same port and data directory. */
    public void startPostgres() throws IOException {
        postgres.restart();
    }

    /** A JDBC connection to one of the stack's databases ({@code authorization}, {@code capture}) as superuser. */
    public Connection connectToDatabase(String database) throws SQLException {
        return postgres.connect(database);
    }

    /** False while the broker is stopped by {@link #stopKafka()}. */
    public boolean isKafkaRunning() {
        return kafka.isRunning();
    }

    /** True when the module runs and answers its health URL (a service's actuator health, the sandbox's clock). */
    public boolean isHealthy(String module) {
        Optional<ChildProcess> child = child(module);
        return child.isPresent() && child.get().isAlive() && probe.healthy(healthUrl(module));
    }

    /** The last lines of a module's log, for failure messages. */
    public String logTail(String module) {
        return child(module).map(child -> tail(child.log())).orElse("(not started)");
    }

    /**
     * The started modules that do not answer their health URL yet (empty: all ready).
     *
     * @throws IllegalStateException when a module's process has died, with the end of its log
     */
    public List<String> notYetHealthy() {
        List<String> waiting = new ArrayList<>();
        for (ChildProcess child : children()) {
            if (!child.isAlive()) {
                throw new IllegalStateException(child.name() + " exited; end of " + child.log() + ":\n" + tail(child.log()));
            }
            if (!probe.healthy(healthUrl(child.name()))) {
                waiting.add(child.name());
            }
        }
        return waiting;
    }

    /** Waits until every started module is healthy, reporting each as it gets there; false on timeout. */
    boolean awaitHealthy(Duration timeout, Console console) throws InterruptedException {
        long begin = System.nanoTime();
        Set<String> reported = new LinkedHashSet<>();
        while (System.nanoTime() - begin < timeout.toNanos()) {
            List<String> waiting = notYetHealthy();
            for (ChildProcess child : children()) {
                if (!waiting.contains(child.name()) && reported.add(child.name())) {
                    console.healthy(child.name(), Duration.ofNanos(System.nanoTime() - begin));
                }
            }
            if (waiting.isEmpty()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The URL that answers 200 once the process is ready (it names the process's port). */
    public synchronized String healthUrlOf(String name) {
        return healthUrls.get(name);
    }

    private String healthUrl(String name) {
        return healthUrlOf(name);
    }

    private synchronized ChildProcess running(String module) {
        ChildProcess child = children.get(module);
        if (child == null) {
            throw new IllegalArgumentException(module + " is not part of this stack: "
                    + missing.getOrDefault(module, "unknown module"));
        }
        return child;
    }

    /** The log's causes ("Caused by", Spring Boot's failure description) and its last lines. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> causes = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("Caused by:") || line.contains("APPLICATION FAILED TO START")) {
                    causes.add(line);
                } else if (line.startsWith("Description:") && i + 2 < lines.size()) {
                    causes.add(line + " " + lines.get(i + 2));
                }
            }
            List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return (causes.isEmpty() ? "" : "causes:\n" + String.join("\n", causes.subList(Math.max(0, causes.size() - 6),
                    causes.size())) + "\nlast lines:\n") + String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the child processes (all at once, gracefully), then Kafka, the registry and PostgreSQL. */
    @Override
    public void close() {
        List<ChildProcess> running = children();
        running.forEach(ChildProcess::requestStop);
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            children.clear();
        }
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + infrastructure.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        infrastructure.clear();
    }
}
