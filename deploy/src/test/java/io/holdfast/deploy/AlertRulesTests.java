package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The alerts cover what fails silently: a service with no scrape target at all ({@code up} is then absent, not 0),
 * Antom's notifications not stored (answered 503), Kafka partitions under-replicated or offline (broker metrics,
 * which the Kafka CR must export), and PostgreSQL down, lagging or near its connection limit.
 */
class AlertRulesTests {

    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service");

    @Test
    void everyServiceHasAnAbsentAlert() {
        List<String> expressions = expressions(Overlays.render("prod"));

        for (String service : SERVICES) {
            assertThat(expressions).as("absent(up{service=\"%s\"}) in an alert", service)
                    .anyMatch(expr -> expr.replace(" ", "").contains("absent(up{service=\"" + service + "\"}"));
        }
    }

    @Test
    void notificationsNotStoredAlert() {
        assertThat(expressions(Overlays.render("prod")))
                .anyMatch(expr -> expr.contains("holdfast_ingest_notifications_not_stored_total"));
    }

    @Test
    void kafkaPartitionsUnderReplicatedOrOfflineAlertOnExportedBrokerMetrics() {
        Rendering prod = Overlays.render("prod");
        List<String> expressions = expressions(prod);

        assertThat(expressions).anyMatch(expr -> expr.contains("kafka_server_replicamanager_underreplicatedpartitions"))
                .anyMatch(expr -> expr.contains("kafka_controller_kafkacontroller_offlinepartitionscount"))
                .anyMatch(expr -> expr.contains("kafka_server_replicamanager_underminisrpartitioncount"));
        JsonNode metrics = prod.find("Kafka", "holdfast-data", "holdfast").orElseThrow().spec()
                .path("kafka").path("metricsConfig");
        assertThat(metrics.path("type").asString()).isEqualTo("jmxPrometheusExporter");
        String configMap = metrics.path("valueFrom").path("configMapKeyRef").path("name").asString();
        String key = metrics.path("valueFrom").path("configMapKeyRef").path("key").asString();
        String rules = prod.find("ConfigMap", "holdfast-data", configMap).orElseThrow().raw().path("data")
                .path(key).asString();
        assertThat(rules).contains("kafka_server_replicamanager_underreplicatedpartitions",
                "kafka_controller_kafkacontroller_offlinepartitionscount",
                "kafka_server_replicamanager_underminisrpartitioncount");
        assertThat(prod.ofKind("PodMonitor")).anyMatch(monitor -> monitor.spec().path("selector")
                .path("matchLabels").path("strimzi.io/kind").asString().equals("Kafka")
                && monitor.spec().path("selector").path("matchLabels").path("strimzi.io/cluster").asString()
                .equals("holdfast"));
    }

    @Test
    void postgresAlerts() {
        List<String> expressions = expressions(Overlays.render("prod"));

        assertThat(expressions).anyMatch(expr -> expr.contains("cnpg_collector_up"))
                .anyMatch(expr -> expr.contains("cnpg_pg_replication_lag"))
                .anyMatch(expr -> expr.contains("cnpg_backends_total"));
    }

    private static List<String> expressions(Rendering rendering) {
        List<String> expressions = new ArrayList<>();
        for (Rendering.RenderedObject rule : rendering.ofKind("PrometheusRule")) {
            for (JsonNode group : rule.spec().path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    expressions.add(alert.path("expr").asString());
                }
            }
        }
        return expressions;
    }
}
