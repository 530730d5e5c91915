package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Deployment in every overlay: probes, resources, graceful shutdown, hardening, a PodDisruptionBudget.
 */
class WorkloadInvariantsTests {

    /** The Spring Boot services: their probes must hit the actuator health groups on the management port. */
    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasLivenessReadinessRequestsAndLimits(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : Overlays.render(overlay).typed(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                require(container.getLivenessProbe() != null, where + ": livenessProbe", problems);
                require(container.getReadinessProbe() != null, where + ": readinessProbe", problems);
                requireResources(container.getResources(), where, problems);
            }
            for (Container init : nullSafe(pod.getInitContainers())) {
                requireResources(init.getResources(), deployment.getMetadata().getName() + "/" + init.getName(),
                        problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesProbeTheActuatorHealthGroupsOnTheManagementPort(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        for (String service : SERVICES) {
            Deployment deployment = rendering.typed(Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " is not rendered in " + overlay));
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(httpGet(container.getLivenessProbe())).extracting(HTTPGetAction::getPath)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(httpGet(container.getReadinessProbe())).extracting(HTTPGetAction::getPath)
                    .isEqualTo("/actuator/health/readiness");
            assertThat(httpGet(container.getReadinessProbe()).getPort().getStrVal()).isEqualTo("management");
            assertThat(container.getPorts()).anyMatch(p -> "management".equals(p.getName())
                    && p.getContainerPort() == 8081);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodShutsDownGracefully(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : Overlays.render(overlay).typed(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            long grace = Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), 30L);
            for (Container container : pod.getContainers()) {
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                LifecycleHandler preStop = container.getLifecycle() == null ? null
                        : container.getLifecycle().getPreStop();
                require(preStop != null, where + ": preStop hook", problems);
                if (preStop != null && preStop.getSleep() != null) {
                    require(grace > preStop.getSleep().getSeconds(),
                            where + ": terminationGracePeriodSeconds must exceed the preStop sleep", problems);
                }
            }
            require(pod.getTerminationGracePeriodSeconds() != null,
                    deployment.getMetadata().getName() + ": explicit terminationGracePeriodSeconds", problems);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodRunsHardenedWithoutAServiceAccountToken(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.typed(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            require(Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()),
                    name + ": automountServiceAccountToken false", problems);
            require(pod.getServiceAccountName() != null && rendering.find("ServiceAccount",
                    deployment.getMetadata().getNamespace(), pod.getServiceAccountName()).isPresent(),
                    name + ": its own rendered ServiceAccount", problems);
            PodSecurityContext podSecurity = pod.getSecurityContext();
            require(podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())
                    && podSecurity.getRunAsUser() != null && podSecurity.getRunAsUser() > 0,
                    name + ": pod runAsNonRoot with a numeric non-root runAsUser", problems);
            require(podSecurity != null && podSecurity.getSeccompProfile() != null,
                    name + ": seccompProfile", problems);
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(nullSafe(pod.getInitContainers()));
            for (Container container : containers) {
                SecurityContext security = container.getSecurityContext();
                String where = name + "/" + container.getName();
                require(security != null && Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()),
                        where + ": readOnlyRootFilesystem", problems);
                require(security != null && Boolean.FALSE.equals(security.getAllowPrivilegeEscalation()),
                        where + ": allowPrivilegeEscalation false", problems);
                require(security != null && security.getCapabilities() != null
                        && security.getCapabilities().getDrop().contains("ALL"),
                        where + ": capabilities drop ALL", problems);
            }
        }
        for (ServiceAccount account : rendering.typed(ServiceAccount.class)) {
            require(Boolean.FALSE.equals(account.getAutomountServiceAccountToken()),
                    "ServiceAccount " + account.getMetadata().getName() + ": automountServiceAccountToken false",
                    problems);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasAPodDisruptionBudgetThatStillAllowsDrains(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<PodDisruptionBudget> budgets = rendering.typed(PodDisruptionBudget.class);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.typed(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean covered = budgets.stream()
                    .filter(b -> b.getMetadata().getNamespace().equals(deployment.getMetadata().getNamespace()))
                    .anyMatch(b -> labels.entrySet().containsAll(
                            b.getSpec().getSelector().getMatchLabels().entrySet()));
            require(covered, deployment.getMetadata().getName() + ": PodDisruptionBudget", problems);
        }
        for (PodDisruptionBudget budget : budgets) {
            require(budget.getSpec().getMaxUnavailable() != null,
                    budget.getMetadata().getName() + ": maxUnavailable (minAvailable would block drains at 1 replica)",
                    problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void requireResources(ResourceRequirements resources, String where, List<String> problems) {
        boolean complete = resources != null
                && Stream.of("cpu", "memory").allMatch(r -> resources.getRequests() != null
                        && resources.getRequests().containsKey(r))
                && Stream.of("cpu", "memory").allMatch(r -> resources.getLimits() != null
                        && resources.getLimits().containsKey(r));
        require(complete, where + ": cpu and memory requests and limits", problems);
    }

    private static HTTPGetAction httpGet(Probe probe) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet()).isNotNull();
        return probe.getHttpGet();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean condition, String what, List<String> problems) {
        if (!condition) {
            problems.add(what);
        }
    }
}
