package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * authorization-service's operational read API ({@code /actuator/payments/{id}}) lives on its management port, which
 * nothing routes to merchants: no Ingress reaches the service, its Service is cluster-internal, and the only
 * NetworkPolicy admitting traffic to its pods is Prometheus's, on the management port.
 */
class OperationalReadApiTests {

    private static final String SERVICE = "authorization-service";

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theReadApiIsOnASeparateManagementPort(String overlay) {
        Map<String, String> common = Overlays.render(overlay).typed(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("holdfast-common-"))
                .findFirst().orElseThrow().getData();

        assertThat(common.get("management.server.port")).isNotNull().isNotEqualTo(common.get("server.port"));
        assertThat(List.of(common.get("management.endpoints.web.exposure.include").split(","))).contains("payments");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noIngressLeadsToTheService(String overlay) {
        List<String> backends = new ArrayList<>();
        for (Ingress ingress : Overlays.render(overlay).typed(Ingress.class)) {
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(name(ingress.getSpec().getDefaultBackend()));
            }
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                    .forEach(path -> backends.add(name(path.getBackend()))));
        }

        assertThat(backends).isNotEmpty().doesNotContain(SERVICE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theServiceIsClusterInternal(String overlay) {
        Service service = Overlays.render(overlay).typed(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(SERVICE)).findFirst().orElseThrow();

        assertThat(service.getSpec().getType()).isIn(null, "ClusterIP");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyPrometheusReachesThePodsAndOnlyOnTheManagementPort(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        Deployment deployment = rendering.typed(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(SERVICE)).findFirst().orElseThrow();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<String> admitted = new ArrayList<>();
        for (NetworkPolicy policy : rendering.typed(NetworkPolicy.class)) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            boolean selects = policy.getMetadata().getNamespace().equals(deployment.getMetadata().getNamespace())
                    && (selector == null || podLabels.entrySet().containsAll(selector.entrySet()));
            if (!selects || policy.getSpec().getIngress() == null) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                boolean prometheus = rule.getFrom() != null && !rule.getFrom().isEmpty()
                        && rule.getFrom().stream().allMatch(OperationalReadApiTests::monitoringNamespace);
                boolean managementPort = rule.getPorts() != null && !rule.getPorts().isEmpty()
                        && rule.getPorts().stream().allMatch(p -> p.getPort() != null
                                && Integer.valueOf(8081).equals(p.getPort().getIntVal()));
                if (!prometheus || !managementPort) {
                    admitted.add(policy.getMetadata().getName() + ": " + rule);
                }
            }
        }

        assertThat(admitted).as("ingress rules admitting traffic to %s beyond Prometheus on 8081", SERVICE).isEmpty();
    }

    private static boolean monitoringNamespace(NetworkPolicyPeer peer) {
        return peer.getPodSelector() == null && peer.getIpBlock() == null && peer.getNamespaceSelector() != null
                && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    private static String name(IngressBackend backend) {
        return backend.getService() == null ? "(resource backend)" : backend.getService().getName();
    }
}
