package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every Holdfast JVM (images {@code ghcr.io/holdfast/*}) sizes its heap at most 65 % of the container's memory limit,
 * bounds direct memory, and names its garbage collector (the JVM's ergonomics would pick SerialGC in a container
 * with less than 2 CPUs or 1792 MiB, as dev's are). For the services, heap + direct memory + a 192 MiB reserve for
 * metaspace, code cache and thread stacks fits the limit, so the kernel never OOM-kills a pod whose heap is fine.
 */
class JvmOptionsTests {

    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view");
    private static final List<String> COLLECTORS = List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC",
            "-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseShenandoahGC");
    private static final long NON_HEAP_RESERVE = 192L << 20;

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyHoldfastJvmBoundsHeapAndDirectMemoryAndNamesItsCollector(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<Rendering.RenderedObject> deployments = rendering.ofKind("Deployment").stream()
                .filter(d -> container(d).path("image").asString().startsWith("ghcr.io/holdfast/"))
                .toList();
        assertThat(deployments).hasSizeGreaterThanOrEqualTo(SERVICES.size());

        for (Rendering.RenderedObject deployment : deployments) {
            JsonNode container = container(deployment);
            String options = javaToolOptions(container);
            long limit = BootPod.bytes(container.path("resources").path("limits").path("memory").asString());
            double heapPercent = number(options, "-XX:MaxRAMPercentage=([0-9.]+)");
            long direct = BootPod.bytes(text(options, "-XX:MaxDirectMemorySize=(\\d+[kKmMgG]?)")
                    .toUpperCase(java.util.Locale.ROOT).replaceAll("([KMG])$", "$1i"));

            assertThat(heapPercent).as("%s %s: MaxRAMPercentage", overlay, deployment).isLessThanOrEqualTo(65);
            assertThat(options).as("%s %s: -Xmx (use MaxRAMPercentage)", overlay, deployment).doesNotContain("-Xmx");
            assertThat(direct).as("%s %s: MaxDirectMemorySize", overlay, deployment).isPositive();
            assertThat(COLLECTORS.stream().filter(options::contains).count())
                    .as("%s %s: exactly one explicit collector in %s", overlay, deployment, options).isEqualTo(1);
            if (SERVICES.contains(deployment.name())) {
                long heap = (long) (limit * heapPercent / 100);
                assertThat(heap + direct + NON_HEAP_RESERVE)
                        .as("%s %s: heap %d MiB + direct %d MiB + reserve 192 MiB within the limit %d MiB", overlay,
                                deployment, heap >> 20, direct >> 20, limit >> 20)
                        .isLessThanOrEqualTo(limit);
            }
        }
    }

    private static JsonNode container(Rendering.RenderedObject deployment) {
        return deployment.spec().path("template").path("spec").path("containers").get(0);
    }

    private static String javaToolOptions(JsonNode container) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString().equals("JAVA_TOOL_OPTIONS")) {
                return env.path("value").asString();
            }
        }
        return "";
    }

    private static String text(String options, String regex) {
        Matcher m = Pattern.compile(regex).matcher(options);
        assertThat(m.find()).as("%s in JAVA_TOOL_OPTIONS=%s", regex, options).isTrue();
        return m.group(1);
    }

    private static double number(String options, String regex) {
        return Double.parseDouble(text(options, regex));
    }
}
