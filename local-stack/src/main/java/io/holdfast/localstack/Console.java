package io.holdfast.localstack;

import io.holdfast.localstack.demo.BoardDemo;
import java.io.PrintStream;
import java.time.Duration;

/** The local stack's readable progress output. */
final class Console {

    private final PrintStream out;
    private long stepBegin;

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String what) {
        stepBegin = System.nanoTime();
        out.print("  starting " + what + " … ");
        out.flush();
    }

    void done(String detail) {
        out.printf("ok (%.1f s)  %s%n", (System.nanoTime() - stepBegin) / 1e9, detail);
    }

    void skipped(String what, String why) {
        out.println("  skipping " + what + ": " + why);
    }

    void healthy(String what, Duration after) {
        out.printf("  %-22s healthy after %.1f s%n", what, after.toMillis() / 1000.0);
        out.flush();
    }

    /** The -D options that point a second JVM at this stack, when it does not run on the defaults. */
    private static String properties(StackConfig config) {
        StackConfig defaults = StackConfig.defaults();
        if (defaults.home().equals(config.home()) && defaults.kafkaPort() == config.kafkaPort()
                && defaults.registryPort() == config.registryPort() && defaults.sandboxPort() == config.sandboxPort()
                && defaults.ingestPort() == config.ingestPort()) {
            return "";
        }
        return "-Dholdfast.home=" + config.home().toAbsolutePath() + " -Dholdfast.kafka.port=" + config.kafkaPort()
                + " -Dholdfast.registry.port=" + config.registryPort() + " -Dholdfast.sandbox.port=" + config.sandboxPort()
                + " -Dholdfast.ingest.port=" + config.ingestPort() + " ";
    }

    void failed(String message) {
        out.println();
        out.println("  FAILED " + message);
    }

    void ready(Duration took, RunningStack stack) {
        StackConfig config = stack.config();
        out.println();
        out.printf("Holdfast local stack is up in %.1f s%n", took.toMillis() / 1000.0);
        out.println("  Kafka bootstrap       " + stack.bootstrapServers());
        out.println("  Schema registry       " + stack.registryUrl() + "   (schema.registry.url)");
        out.println("  PostgreSQL            localhost:" + config.postgresPort() + " user postgres");
        out.println("  alipay-sandbox        " + stack.sandboxUrl() + "   (Antom API, 3DS pages, /sandbox/control/)");
        out.println("  notification-ingest   " + stack.ingestUrl() + "   (Antom notifications, merchant API)");
        out.println("  authorization-service http://127.0.0.1:" + config.authorizationPort() + "/actuator/health");
        out.println("  capture-service       http://127.0.0.1:" + config.capturePort() + "/actuator/health");
        out.println("  payment-view console  " + stack.consoleUrl() + "   (log in as " + LocalStack.DEMO_OPERATOR
                + " / " + LocalStack.DEMO_OPERATOR_PASSWORD + ", or " + LocalStack.DEMO_VIEWER + " / "
                + LocalStack.DEMO_VIEWER_PASSWORD + " to read only)");
        stack.children().forEach(child -> out.println("  process " + child.name() + " pid " + child.pid() + " "
                + stack.healthUrlOf(child.name()) + " log " + child.log()));
        stack.missingModules().forEach((module, why) -> out.println("  NOT RUNNING " + module + ": " + why));
        out.println();
        out.println("Try:");
        out.println("  curl -s " + stack.registryUrl() + "/subjects");
        out.println("  curl -s " + stack.sandboxUrl() + "/sandbox/control/clock");
        out.println("  curl -s " + stack.sandboxUrl() + "/sandbox/control/ledger");
        out.println("  # every payment flow through Kafka, with event timelines (same ports and home as this stack):");
        out.println("  java " + properties(config) + "-cp local-stack/target/local-stack.jar \\");
        out.println("       -Dloader.main=io.holdfast.localstack.demo.Demo org.springframework.boot.loader.launch.PropertiesLauncher");
        out.println();
        BoardDemo.printCurls(stack.ingestUrl(), out);
        out.println();
        out.println("Ctrl-C stops everything; data stays in " + config.home().toAbsolutePath() + " for the next start.");
        out.flush();
    }
}
