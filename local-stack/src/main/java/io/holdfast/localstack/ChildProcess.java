package io.holdfast.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Holdfast process of the local stack (a service or the sandbox), started from its executable jar as a
 * separate JVM so that it can be killed and restarted on its own. Output goes to {@code <home>/logs/<name>.log}.
 */
public final class ChildProcess implements AutoCloseable {

    /** System property with the children's JVM options (the benchmark may want the full JIT: drop TieredStopAtLevel). */
    public static final String JAVA_OPTIONS = "holdfast.child.java-options";
    /** Quick start and a small footprint: C1 only, serial GC, 512 MB heap. */
    public static final String DEFAULT_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m -Xss512k";

    private final String name;
    private final Process process;
    private final Path log;
    private final Path jar;
    private final List<String> args;
    private final Map<String, String> environment;

    private ChildProcess(String name, Process process, Path log, Path jar, List<String> args,
                         Map<String, String> environment) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.jar = jar;
        this.args = List.copyOf(args);
        this.environment = Map.copyOf(environment);
    }

    /** The module's executable jar ({@code <module>/target/<module>-*-exec.jar}), if it has been built. */
    public static Optional<Path> executableJar(Path repositoryRoot, String module) throws IOException {
        Path target = repositoryRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().startsWith(module))
                    .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst();
        }
    }

    public static ChildProcess start(String name, Path jar, List<String> args, Path logDir) throws IOException {
        return start(name, jar, args, Map.of(), logDir);
    }

    /**
     * Starts {@code java -jar <jar> <args>} with extra environment variables (secrets go there rather than on the
     * command line, which every local user can read).
     */
    public static ChildProcess start(String name, Path jar, List<String> args, Map<String, String> environment,
                                     Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty(JAVA_OPTIONS, DEFAULT_JAVA_OPTIONS).trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildProcess(name, process, log, jar, args, environment);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the same jar with the same arguments again (stop or kill this one first); the log is appended to. */
    public ChildProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + pid() + ")");
        }
        return start(name, jar, args, environment, log.getParent());
    }

    /** Asks the process to stop (SIGTERM) without waiting; {@link #stop(Duration)} then waits. */
    public void requestStop() {
        process.destroy();
    }

    /** Stops gracefully (SIGTERM), then forcibly after {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(20));
    }
}
