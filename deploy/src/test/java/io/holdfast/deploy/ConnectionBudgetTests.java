package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's {@code max_connections} holds every client at its worst: each service's R2DBC pool maximum plus its
 * Flyway connection, times the KEDA {@code maxReplicaCount} (a scale-out starts them all; payment-view, not
 * autoscaled: its Deployment's replicas, plus one for the surge of a rolling update), the registry's JDBC pool
 * maximum times its replicas, and headroom for CloudNativePG (superuser-reserved connections, one replication
 * connection per standby, 10 for the instance manager, monitoring and an operator's psql). The table in
 * deploy/README.md ("Connection budget") shows the prod figures.
 */
class ConnectionBudgetTests {

    private static final int FLYWAY = 1;
    private static final int OPERATOR_HEADROOM = 10;

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyClientAtItsMaximumFitsMaxConnections(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        JsonNode cluster = rendering.find("Cluster", "holdfast-data", "holdfast-pg").orElseThrow().spec();
        JsonNode parameters = cluster.path("postgresql").path("parameters");
        int maxConnections = parameters.path("max_connections").asInt();
        Map<String, Integer> budget = new LinkedHashMap<>();
        for (String service : List.of("authorization-service", "capture-service")) {
            String pool = configValue(rendering, service + "-config-", "spring.r2dbc.pool.max-size");
            assertThat(pool).as("%s: %s sets spring.r2dbc.pool.max-size explicitly", overlay, service).isNotNull();
            int replicas = rendering.find("ScaledObject", "holdfast", service).orElseThrow().spec()
                    .path("maxReplicaCount").asInt();
            budget.put(service + " (" + pool + " + " + FLYWAY + ") x " + replicas,
                    (Integer.parseInt(pool) + FLYWAY) * replicas);
        }
        String viewPool = configValue(rendering, "payment-view-config-", "spring.r2dbc.pool.max-size");
        assertThat(viewPool).as("%s: payment-view sets spring.r2dbc.pool.max-size explicitly", overlay).isNotNull();
        JsonNode view = rendering.find("Deployment", "holdfast", "payment-view").orElseThrow().spec();
        int viewPods = view.path("replicas").asInt(1) + view.path("strategy").path("rollingUpdate").path("maxSurge")
                .asInt(0);
        budget.put("payment-view (" + viewPool + " + " + FLYWAY + ") x " + viewPods,
                (Integer.parseInt(viewPool) + FLYWAY) * viewPods);
        JsonNode registry = rendering.find("Deployment", "holdfast-data", "apicurio-registry").orElseThrow().spec();
        String registryPool = env(registry, "APICURIO_DATASOURCE_JDBC_MAX_SIZE");
        assertThat(registryPool).as("%s: the registry's pool maximum is set explicitly", overlay).isNotNull();
        int registryReplicas = registry.path("replicas").asInt(1);
        budget.put("apicurio-registry " + registryPool + " x " + registryReplicas,
                Integer.parseInt(registryPool) * registryReplicas);
        int reserved = parameters.path("superuser_reserved_connections").asInt(3);
        int standbys = cluster.path("instances").asInt(1) - 1;
        budget.put("CloudNativePG: superuser-reserved " + reserved + " + standbys " + standbys + " + headroom "
                + OPERATOR_HEADROOM, reserved + standbys + OPERATOR_HEADROOM);

        int total = budget.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("%s: connections at the maximum %s = %d, max_connections %d", overlay, budget, total,
                maxConnections).isLessThanOrEqualTo(maxConnections);
    }

    private static String configValue(Rendering rendering, String prefix, String key) {
        return rendering.ofKind("ConfigMap").stream().filter(cm -> cm.name().startsWith(prefix))
                .map(cm -> cm.raw().path("data").path(key))
                .filter(value -> !value.isMissingNode())
                .map(JsonNode::asString).findFirst().orElse(null);
    }

    private static String env(JsonNode deployment, String name) {
        for (JsonNode env : deployment.path("template").path("spec").path("containers").get(0).path("env")) {
            if (env.path("name").asString().equals(name)) {
                return env.path("value").asString();
            }
        }
        return null;
    }
}
