package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts and the dashboard only use metrics the README's metrics contract lists, so the services (which emit
 * them) and the operators (who alert on them) agree on the names.
 */
class MetricsContractTests {

    private static final Pattern METRIC = Pattern.compile("\\b((?:holdfast|capture|authorization|ingest|notification"
            + "|kafka|cnpg|x509)_[a-z0-9_]+)");

    /** Metrics of third-party exporters the rules and dashboard may use (not ours, so not holdfast_). */
    private static final List<String> EXPORTER_PREFIXES = List.of("kafka_", "cnpg_", "x509_cert_");

    /** The modules whose Micrometer meters reach Prometheus (the services and the shared messaging module). */
    private static final List<String> METER_MODULES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view", "messaging", "alipay-sandbox");

    /** Micrometer meter names in code: string literals such as "holdfast.capture.deadline.misses". */
    private static final Pattern METER_LITERAL = Pattern.compile("\"(holdfast\\.[a-z0-9.]+)\"");

    /** What Micrometer's Prometheus naming appends: counters, timers, base units. */
    private static final List<String> PROMETHEUS_SUFFIXES = List.of("", "_total", "_seconds_count", "_seconds_sum",
            "_seconds_max", "_minor_units", "_seconds");

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsInTheReadmeContract() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(metrics(Files.readString(Overlays.K8S.resolve("base/app/monitoring.yaml"))));
        used.addAll(metrics(Files.readString(Overlays.K8S.resolve("base/app/grafana-dashboard.json"))));
        String readme = Files.readString(Overlays.K8S.resolveSibling("README.md"));

        assertThat(used).contains("holdfast_capture_deadline_misses", "holdfast_capture_exposure_authorizations",
                "holdfast_capture_overdue_authorizations", "holdfast_capture_unconfirmed_oldest_seconds",
                "holdfast_payments_unknown_oldest_age_seconds", "kafka_topic_partition_current_offset");
        assertThat(used).allSatisfy(metric -> assertThat(readme).as("README lists %s", metric)
                .contains("`" + metric + "`"));
    }

    /**
     * One prefix for our metrics: every metric of the rules and the dashboard is {@code holdfast_*} and named by a
     * meter in the services' code (Micrometer's Prometheus name: dots to underscores, plus {@code _total}, a timer's
     * {@code _seconds_*} or a base unit), or comes from a third-party exporter.
     */
    @Test
    void everyMetricOfTheRulesAndTheDashboardIsAHoldfastMeterInTheServicesOrAnExporters() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(metrics(Files.readString(Overlays.K8S.resolve("base/app/monitoring.yaml"))));
        used.addAll(metrics(Files.readString(Overlays.K8S.resolve("base/app/grafana-dashboard.json"))));
        Set<String> emitted = new TreeSet<>();
        for (String meter : meterNamesInCode()) {
            for (String suffix : PROMETHEUS_SUFFIXES) {
                emitted.add(meter.replace('.', '_') + suffix);
            }
        }

        assertThat(used).allSatisfy(metric -> {
            if (EXPORTER_PREFIXES.stream().noneMatch(metric::startsWith)) {
                assertThat(metric).as("our metrics carry the holdfast_ prefix").startsWith("holdfast_");
                assertThat(emitted).as("a meter in %s's code named %s", METER_MODULES, metric).contains(metric);
            }
        });
    }

    private static Set<String> meterNamesInCode() throws IOException {
        Path root = Overlays.K8S.getParent().getParent();
        Set<String> names = new TreeSet<>();
        for (String module : METER_MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = METER_LITERAL.matcher(Files.readString(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(names).as("meter names found in the services' code").isNotEmpty();
        return names;
    }

    @Test
    void theDashboardIsValidGrafanaJson() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(Overlays.K8S.resolve("base/app/grafana-dashboard.json")));

        assertThat(dashboard.path("uid").asString()).isEqualTo("holdfast-money");
        assertThat(dashboard.path("panels").valueStream())
                .isNotEmpty()
                .allSatisfy(panel -> assertThat(panel.path("targets").valueStream())
                        .allMatch(target -> !target.path("expr").asString().isBlank()));
    }

    private static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
