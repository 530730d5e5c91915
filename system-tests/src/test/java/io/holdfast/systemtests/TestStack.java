package io.holdfast.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import io.holdfast.localstack.ChildProcess;
import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.localstack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The local stack of this test JVM, started once on free ports with a fresh home ({@code target/holdfast}: data and
 * every process's log) and stopped when the JVM exits. Each test states the modules it needs with
 * {@link #require(String...)}: a module without a built jar, or one that died or never became healthy, fails
 * that test with the reason and the end of the module's log — never a silent pass.
 */
final class TestStack {

    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static TestStack instance;
    private static RuntimeException startFailure;

    private final RunningStack stack;
    private final Map<String, String> problems = new LinkedHashMap<>();
    private Merchant merchant;

    private TestStack(RunningStack stack) {
        this.stack = stack;
    }

    /** The stack, with the given modules running and healthy. */
    static TestStack require(String... modules) {
        TestStack stack = get();
        StringBuilder missing = new StringBuilder();
        for (String module : modules) {
            String problem = stack.problems.get(module);
            if (problem != null) {
                missing.append("\n").append(module).append(": ").append(problem);
            }
        }
        if (missing.length() > 0) {
            fail("this test needs modules that are not available in the local stack:" + missing);
        }
        return stack;
    }

    /** Every child module: sandbox, ingest, authorization-service, capture-service. */
    static TestStack requireAll() {
        return require(LocalStack.MODULES.toArray(String[]::new));
    }

    RunningStack stack() {
        return stack;
    }

    synchronized Merchant merchant() {
        if (merchant == null) {
            merchant = new Merchant(stack.endpoints());
        }
        return merchant;
    }

    private static synchronized TestStack get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                startFailure = new IllegalStateException("the local stack did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return instance;
    }

    private static TestStack start() throws Exception {
        Path home = Path.of(System.getProperty("holdfast.home", "target/holdfast")).toAbsolutePath();
        Path repository = Path.of(System.getProperty("holdfast.repo", "..")).toAbsolutePath().normalize();
        deleteRecursively(home);
        RunningStack running = LocalStack.start(StackConfig.onFreePorts(home, repository), System.out);
        TestStack test = new TestStack(running);
        Runtime.getRuntime().addShutdownHook(new Thread(test::close, "system-tests-stack-shutdown"));
        try {
            await("every started module healthy or exited").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .until(test::settled);
        } catch (ConditionTimeoutException timeout) {
            // the modules still unhealthy are recorded below
        }
        running.missingModules().forEach(test.problems::put);
        for (String module : LocalStack.MODULES) {
            Optional<ChildProcess> child = running.child(module);
            if (child.isEmpty()) {
                continue;
            }
            if (!child.get().isAlive()) {
                test.problems.put(module, "exited at startup; end of " + child.get().log() + ":\n" + running.logTail(module));
            } else if (!running.isHealthy(module)) {
                test.problems.put(module, "not healthy within " + STARTUP.toSeconds() + " s; end of "
                        + child.get().log() + ":\n" + running.logTail(module));
            }
        }
        return test;
    }

    private boolean settled() {
        return stack.children().stream().allMatch(child -> !child.isAlive() || stack.isHealthy(child.name()));
    }

    private void close() {
        if (merchant != null) {
            merchant.close();
        }
        stack.close();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
