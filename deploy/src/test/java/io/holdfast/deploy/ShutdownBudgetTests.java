package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A service's whole shutdown fits its {@code terminationGracePeriodSeconds}, or the kubelet kills it mid-way (a
 * Kafka record half-handled, an HTTP answer cut off). Spring's {@code spring.lifecycle.timeout-per-shutdown-phase}
 * bounds each lifecycle phase, not the shutdown: the worst case is the preStop sleep plus the timeout times the
 * phases that wait, plus a margin for the JVM's exit.
 *
 * <p>The phases that wait, in each service: the application's own loops ({@code SmartLifecycle} at the default
 * phase: authorization-service's background jobs, capture-service's polling loop, the outbox relay), the Kafka
 * listener containers (spring-kafka's registry phase), and the web server's graceful shutdown, once in the
 * application context and once in the management server's context (port 8081): {@value #PHASES}.
 * {@code ManifestBootTests} measures the real shutdown of each service against the same budget.
 */
class ShutdownBudgetTests {

    static final int PHASES = 4;
    static final Duration JVM_EXIT_MARGIN = Duration.ofSeconds(5);
    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void preStopAndEveryShutdownPhaseFitTheTerminationGracePeriod(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        Duration phase = Duration.parse("PT" + rendering.ofKind("ConfigMap").stream()
                .filter(cm -> cm.name().startsWith("holdfast-common-"))
                .map(cm -> cm.raw().path("data").path("spring.lifecycle.timeout-per-shutdown-phase").asString())
                .findFirst().orElseThrow().toUpperCase(java.util.Locale.ROOT));
        for (String service : SERVICES) {
            JsonNode pod = rendering.find("Deployment", "holdfast", service).orElseThrow().spec()
                    .path("template").path("spec");
            Duration preStop = Duration.ofSeconds(pod.path("containers").get(0).path("lifecycle").path("preStop")
                    .path("sleep").path("seconds").asLong());
            Duration grace = Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong(30));
            Duration worst = preStop.plus(phase.multipliedBy(PHASES)).plus(JVM_EXIT_MARGIN);

            assertThat(worst)
                    .as("%s %s: preStop %s + %d phases x %s + %s = %s within terminationGracePeriodSeconds %s",
                            overlay, service, preStop, PHASES, phase, JVM_EXIT_MARGIN, worst, grace)
                    .isLessThanOrEqualTo(grace);
        }
    }

    /** What the boot test allows a service from SIGTERM to exit (the preStop sleep happens before SIGTERM). */
    static Duration afterPreStop(Rendering rendering, String service) {
        JsonNode pod = rendering.find("Deployment", "holdfast", service).orElseThrow().spec()
                .path("template").path("spec");
        long preStop = pod.path("containers").get(0).path("lifecycle").path("preStop").path("sleep").path("seconds")
                .asLong();
        return Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong(30) - preStop);
    }
}
