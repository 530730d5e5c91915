package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts and the dashboard only use metrics the README's metrics contract lists, so the services (which emit
 * them) and the operators (who alert on them) agree on the names.
 */
class MetricsContractTests {

    private static final Pattern METRIC = Pattern.compile("\\b((?:holdfast|capture|kafka|cnpg)_[a-z0-9_]+)");

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsInTheReadmeContract() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(metrics(Files.readString(Overlays.K8S.resolve("base/app/monitoring.yaml"))));
        used.addAll(metrics(Files.readString(Overlays.K8S.resolve("base/app/grafana-dashboard.json"))));
        String readme = Files.readString(Overlays.K8S.resolveSibling("README.md"));

        assertThat(used).contains("capture_deadline_misses", "capture_exposure_authorizations",
                "capture_unconfirmed_oldest_seconds", "holdfast_payments_unknown_oldest_age_seconds",
                "kafka_topic_partition_current_offset");
        assertThat(used).allSatisfy(metric -> assertThat(readme).as("README lists %s", metric)
                .contains("`" + metric + "`"));
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
