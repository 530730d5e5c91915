package io.holdfast.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** The local stack's readable progress output. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String what) {
        out.print("  starting " + what + " … ");
        out.flush();
    }

    void done(String detail) {
        out.println("ok  " + detail);
    }

    void skipped(String what, String why) {
        out.println("  skipping " + what + ": " + why);
    }

    void failed(String message) {
        out.println();
        out.println("  FAILED " + message);
    }

    void ready(Duration took, String kafka, String registry, StackConfig config, List<ChildProcess> children) {
        out.println();
        out.printf("Holdfast local stack is up in %.1f s%n", took.toMillis() / 1000.0);
        out.println("  Kafka bootstrap      " + kafka);
        out.println("  Schema registry      " + registry + "   (schema.registry.url)");
        out.println("  PostgreSQL           localhost:" + config.postgresPort() + " user postgres");
        out.println("  alipay-sandbox       http://localhost:" + config.sandboxPort());
        out.println("  merchant API         http://localhost:" + config.ingestPort() + "   (notification-ingest)");
        out.println("  payment read API     http://localhost:" + config.authorizationPort() + "/payments/{paymentRequestId}");
        children.forEach(child -> out.println("  process " + child.name() + " pid " + child.pid() + " log " + child.log()));
        out.println();
        out.println("Try:");
        out.println("  curl -s " + registry + "/subjects");
        out.println("  curl -s http://localhost:" + config.sandboxPort() + "/sandbox/control/ledger");
        out.println();
        out.println("Ctrl-C stops everything; data stays in " + config.home().toAbsolutePath() + " for the next start.");
        out.flush();
    }
}
