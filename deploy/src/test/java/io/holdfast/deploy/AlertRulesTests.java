package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Normal operation, as two capture-service replicas report it: EXPIRE-policy rows near and past their policy point
     * (they lapse by design), CAPTURE/VOID rows between T−24h and T−12h (waiting for the policy point), nothing
     * overdue. No deadline alert may fire. (Before, HoldfastAuthorizationsAtRiskUnder6h and …Under24h summed every
     * policy's rows in the 6h and 24h buckets and fired here.)
     */
    @Test
    void deadlineAlertsAreSilentInNormalOperation() {
        List<PromQl.Sample> normal = new ArrayList<>();
        for (String pod : List.of("capture-service-a", "capture-service-b")) {
            normal.add(exposure(pod, "6h", "EXPIRE", 3));
            normal.add(exposure(pod, "24h", "EXPIRE", 5));
            normal.add(exposure(pod, "24h", "CAPTURE", 40));
            normal.add(exposure(pod, "24h", "VOID", 2));
            normal.add(exposure(pod, "48h", "CAPTURE", 90));
            normal.add(overdue(pod, "EXPIRE", 4));
            normal.add(overdue(pod, "CAPTURE", 0));
            normal.add(overdue(pod, "VOID", 0));
        }
        Map<String, String> rules = deadlineRules(Overlays.render("prod"));

        rules.forEach((alert, expr) -> assertThat(PromQl.evaluate(expr, normal))
                .as("%s fires in normal operation: %s", alert, expr).isEmpty());
        assertThat(rules).as("deadline alerts evaluated").containsKeys("HoldfastAuthorizationsAtRiskUnder6h",
                "HoldfastAuthorizationsAtRiskPastPolicyPoint");
    }

    @Test
    void deadlineAlertsFireWhenACaptureOrVoidPolicyDidNotAct() {
        Map<String, String> rules = deadlineRules(Overlays.render("prod"));
        List<PromQl.Sample> overdueCapture = List.of(exposure("capture-service-a", "24h", "CAPTURE", 1),
                overdue("capture-service-a", "CAPTURE", 1), overdue("capture-service-a", "EXPIRE", 0));
        List<PromQl.Sample> voidUnder6h = List.of(exposure("capture-service-a", "6h", "VOID", 1),
                overdue("capture-service-a", "VOID", 1));

        assertThat(PromQl.evaluate(rules.get("HoldfastAuthorizationsAtRiskPastPolicyPoint"), overdueCapture))
                .singleElement().extracting(PromQl.Sample::value).isEqualTo(1.0);
        assertThat(PromQl.evaluate(rules.get("HoldfastAuthorizationsAtRiskUnder6h"), overdueCapture)).isEmpty();
        assertThat(PromQl.evaluate(rules.get("HoldfastAuthorizationsAtRiskUnder6h"), voidUnder6h))
                .singleElement().extracting(PromQl.Sample::value).isEqualTo(1.0);
    }

    /**
     * Refunds that do not finish are seen: capture-service's {@code holdfast_capture_refunds_unfinished} (refunds not
     * final over an hour after they were requested, per status; every replica reports the same database count) is
     * silent at 0 and fires with the number of such refunds, not that number times the replicas.
     */
    @Test
    void refundsNotFinishingAlertFiresOnUnfinishedRefundsCountedOnce() {
        String expr = rule(Overlays.render("prod"), "HoldfastRefundsNotFinishing");
        List<PromQl.Sample> normal = new ArrayList<>();
        List<PromQl.Sample> stuck = new ArrayList<>();
        for (String pod : List.of("capture-service-a", "capture-service-b")) {
            for (String status : List.of("REQUESTED", "PENDING", "UNKNOWN")) {
                normal.add(unfinishedRefunds(pod, status, 0));
                stuck.add(unfinishedRefunds(pod, status, status.equals("PENDING") ? 0 : 1));
            }
        }

        assertThat(expr).contains("holdfast_capture_refunds_unfinished");
        assertThat(PromQl.evaluate(expr, normal)).as("silent while every refund finishes in time").isEmpty();
        assertThat(PromQl.evaluate(expr, stuck)).singleElement().extracting(PromQl.Sample::value).isEqualTo(2.0);
    }

    private static PromQl.Sample unfinishedRefunds(String pod, String status, double value) {
        return PromQl.Sample.of("holdfast_capture_refunds_unfinished", value, "service", "capture-service",
                "pod", pod, "status", status);
    }

    /** The expression of the alert {@code name}. */
    private static String rule(Rendering rendering, String name) {
        for (Rendering.RenderedObject rule : rendering.ofKind("PrometheusRule")) {
            for (JsonNode group : rule.spec().path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    if (alert.path("alert").asString().equals(name)) {
                        return alert.path("expr").asString();
                    }
                }
            }
        }
        throw new AssertionError("no alert " + name);
    }

    private static PromQl.Sample exposure(String pod, String bucket, String policy, double value) {
        return PromQl.Sample.of("holdfast_capture_exposure_authorizations", value, "service", "capture-service",
                "pod", pod, "bucket", bucket, "currency", "USD", "policy", policy);
    }

    private static PromQl.Sample overdue(String pod, String policy, double value) {
        return PromQl.Sample.of("holdfast_capture_overdue_authorizations", value, "service", "capture-service",
                "pod", pod, "policy", policy);
    }

    /** The alerts on capture-service's deadline gauges (all but the delta of misses), by name. */
    private static Map<String, String> deadlineRules(Rendering rendering) {
        Map<String, String> rules = new TreeMap<>();
        for (Rendering.RenderedObject rule : rendering.ofKind("PrometheusRule")) {
            for (JsonNode group : rule.spec().path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    String expr = alert.path("expr").asString();
                    if (expr.contains("holdfast_capture_exposure_") || expr.contains("holdfast_capture_overdue_")) {
                        rules.put(alert.path("alert").asString(), expr);
                    }
                }
            }
        }
        return rules;
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
