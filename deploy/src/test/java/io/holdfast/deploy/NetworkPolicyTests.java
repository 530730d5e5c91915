package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default deny in every namespace; from outside the application namespace only the edge and payment-view's console
 * (from the ingress controller, port 8080) are reachable (plus Prometheus on the management port). The console's
 * Ingress is on a host of its own, never the merchants', routes the console only (not the edge's internal read
 * API), and pins no browser to a replica.
 */
class NetworkPolicyTests {

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyNamespaceDeniesIngressAndEgressByDefault(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<NetworkPolicy> policies = rendering.typed(NetworkPolicy.class);
        for (Namespace namespace : rendering.typed(Namespace.class)) {
            String name = namespace.getMetadata().getName();
            assertThat(policies)
                    .as("default-deny NetworkPolicy in namespace %s", name)
                    .anyMatch(p -> p.getMetadata().getNamespace().equals(name) && isDefaultDeny(p));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheEdgeAndTheConsoleAcceptTrafficFromOutsideTheApplicationNamespace(String overlay) {
        List<String> problems = new ArrayList<>();
        for (NetworkPolicy policy : Overlays.render(overlay).typed(NetworkPolicy.class)) {
            if (!policy.getMetadata().getNamespace().equals("holdfast") || policy.getSpec().getIngress() == null) {
                continue;
            }
            Map<String, String> target = policy.getSpec().getPodSelector().getMatchLabels();
            boolean edge = target != null && "notification-ingest".equals(target.get("app.kubernetes.io/name"));
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                boolean external = rule.getFrom() == null || rule.getFrom().isEmpty()
                        || rule.getFrom().stream().anyMatch(NetworkPolicyTests::outsideNamespace);
                boolean console = target != null && "payment-view".equals(target.get("app.kubernetes.io/name"))
                        && isIngressControllerToPort8080Only(rule);
                if (external && !edge && !console && !isManagementPortOnly(rule, policy)) {
                    problems.add(policy.getMetadata().getName() + " admits traffic from outside the namespace");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theConsoleIngressRoutesOnlyTheConsoleOnAHostOfItsOwn(String overlay) {
        List<Ingress> ingresses = Overlays.render(overlay).typed(Ingress.class);
        Set<String> merchantHosts = new TreeSet<>();
        Set<String> consoleHosts = new TreeSet<>();
        List<String> consolePaths = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            boolean console = ingress.getMetadata().getName().equals("payment-view");
            for (IngressRule rule : ingress.getSpec().getRules()) {
                (console ? consoleHosts : merchantHosts).add(rule.getHost());
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    if (path.getBackend().getService().getName().equals("payment-view")) {
                        assertThat(console).as("%s: only the console's Ingress leads to payment-view", overlay)
                                .isTrue();
                        consolePaths.add(path.getPath());
                    }
                }
            }
        }

        assertThat(consoleHosts).as("%s: the console's host", overlay).hasSize(1).doesNotContainAnyElementsOf(
                merchantHosts);
        assertThat(consolePaths).as("%s: console paths", overlay).isNotEmpty()
                .allMatch(p -> p.equals("/console") || p.equals("/login") || p.equals("/logout"));
    }

    /**
     * payment-view keeps the console's login sessions in its database, so any replica serves any request: no
     * affinity to one pod (one more cookie, and still a logout at every rolling update).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theConsoleIngressHasNoSessionAffinity(String overlay) {
        Ingress console = Overlays.render(overlay).typed(Ingress.class).stream()
                .filter(i -> i.getMetadata().getName().equals("payment-view")).findFirst().orElseThrow();
        Map<String, String> annotations = console.getMetadata().getAnnotations() == null ? Map.of()
                : console.getMetadata().getAnnotations();
        assertThat(annotations.keySet()).as("%s: the console Ingress's annotations", overlay)
                .noneMatch(a -> a.contains("affinity") || a.contains("session-cookie"));
    }

    /** payment-view's console: from the ingress controller's namespace, to the application port only. */
    private static boolean isIngressControllerToPort8080Only(NetworkPolicyIngressRule rule) {
        boolean fromIngress = rule.getFrom() != null && !rule.getFrom().isEmpty() && rule.getFrom().stream()
                .allMatch(peer -> peer.getNamespaceSelector() != null && peer.getIpBlock() == null
                        && "ingress-nginx".equals(peer.getNamespaceSelector().getMatchLabels()
                                .get("kubernetes.io/metadata.name")));
        List<NetworkPolicyPort> ports = rule.getPorts();
        return fromIngress && ports != null && !ports.isEmpty()
                && ports.stream().allMatch(p -> p.getPort() != null && Integer.valueOf(8080)
                        .equals(p.getPort().getIntVal()));
    }

    private static boolean isManagementPortOnly(NetworkPolicyIngressRule rule, NetworkPolicy policy) {
        boolean fromMonitoring = rule.getFrom() != null && rule.getFrom().stream().allMatch(peer ->
                peer.getNamespaceSelector() != null && peer.getPodSelector() == null
                        && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels()
                                .get("kubernetes.io/metadata.name")));
        List<NetworkPolicyPort> ports = rule.getPorts();
        return fromMonitoring && ports != null && !ports.isEmpty()
                && ports.stream().allMatch(p -> p.getPort() != null && Integer.valueOf(8081)
                        .equals(p.getPort().getIntVal()));
    }

    private static boolean outsideNamespace(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null || peer.getIpBlock() != null;
    }

    private static boolean isDefaultDeny(NetworkPolicy policy) {
        var spec = policy.getSpec();
        boolean allPods = spec.getPodSelector() != null
                && (spec.getPodSelector().getMatchLabels() == null || spec.getPodSelector().getMatchLabels().isEmpty())
                && (spec.getPodSelector().getMatchExpressions() == null
                        || spec.getPodSelector().getMatchExpressions().isEmpty());
        return allPods
                && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && (spec.getIngress() == null || spec.getIngress().isEmpty())
                && (spec.getEgress() == null || spec.getEgress().isEmpty());
    }
}
