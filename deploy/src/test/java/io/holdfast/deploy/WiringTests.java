package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The pieces fit together: services get their Spring configuration through the config tree, every Secret a
 * manifest references is one the README tells the operator how to get, and autoscalers own their replica counts.
 */
class WiringTests {

    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view");
    private static final List<String> DATABASE_SERVICES = List.of("authorization-service", "capture-service",
            "payment-view");
    /** Not autoscaled: payment-view (a read model and the console) runs a fixed number of replicas. */
    private static final List<String> AUTOSCALED = List.of("notification-ingest", "authorization-service",
            "capture-service");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceReadsItsSpringConfigurationFromTheMountedConfigTrees(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        for (String service : SERVICES) {
            Deployment deployment = deployment(rendering, service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            String imports = container.getEnv().stream()
                    .filter(e -> e.getName().equals("SPRING_CONFIG_IMPORT"))
                    .map(EnvVar::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": SPRING_CONFIG_IMPORT"));
            for (String mount : List.of("/etc/holdfast/config", "/etc/holdfast/secrets")) {
                assertThat(imports).contains("configtree:" + mount + "/");
                assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains(mount);
            }

            Map<String, String> config = new HashMap<>();
            for (String name : projectedConfigMaps(pod)) {
                rendering.typed(ConfigMap.class).stream()
                        .filter(c -> c.getMetadata().getName().equals(name))
                        .forEach(c -> config.putAll(c.getData()));
            }
            assertThat(config).as(service).containsKeys("spring.kafka.bootstrap-servers",
                    "spring.kafka.properties.schema.registry.url", "management.server.port", "server.shutdown")
                    .containsEntry("spring.application.name", service)
                    .containsEntry("management.endpoint.health.probes.enabled", "true");
            if (service.equals("payment-view")) {
                // TLS ends at the Ingress: the console's session cookie must not travel without it
                assertThat(config).as(service).containsEntry("server.reactive.session.cookie.secure", "true");
            }
            // the services' own Antom property names: IngestProperties.Antom / AlipayProperties
            if (service.equals("notification-ingest")) {
                assertThat(config).as(service).containsKeys("holdfast.ingest.antom.gateway-url",
                        "holdfast.ingest.antom.client-id", "holdfast.ingest.antom.key-version",
                        "holdfast.ingest.payment-view.username")
                        // the merchant read API reads payment-view's internal read API through its Service
                        .containsEntry("holdfast.ingest.payment-view.url", "http://"
                                + deployment(rendering, "payment-view").getMetadata().getName() + "."
                                + deployment(rendering, "payment-view").getMetadata().getNamespace() + ".svc:8080");
            } else if (!service.equals("payment-view")) {
                assertThat(config).as(service).containsKeys("holdfast.alipay.base-url", "holdfast.alipay.client-id",
                        "holdfast.alipay.merchant-key-version");
            }
            assertThat(config.get("spring.kafka.properties.schema.registry.url")).endsWith("/apis/ccompat/v7");
            if (DATABASE_SERVICES.contains(service)) {
                assertThat(config).containsKeys("spring.r2dbc.url", "spring.flyway.url")
                        .containsEntry("spring.kafka.consumer.group-id", service);
                assertThat(config.get("spring.r2dbc.url")).contains("sslMode=verify-full");
                assertThat(config.get("spring.flyway.url")).contains("sslmode=verify-full");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyReferencedSecretIsExplainedInTheReadme(String overlay) throws IOException {
        String readme = Files.readString(Overlays.K8S.resolveSibling("README.md"));
        Set<String> missing = new TreeSet<>(secretsReferenced(Overlays.render(overlay)));
        missing.removeIf(name -> readme.contains("`" + name + "`"));
        assertThat(missing).as("Secrets the README does not explain").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void autoscaledDeploymentsLeaveTheReplicaCountToTheirAutoscaler(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        Set<String> autoscaled = new TreeSet<>();
        rendering.typed(HorizontalPodAutoscaler.class)
                .forEach(hpa -> autoscaled.add(hpa.getSpec().getScaleTargetRef().getName()));
        rendering.ofKind("ScaledObject")
                .forEach(so -> autoscaled.add(so.spec().path("scaleTargetRef").path("name").asString()));

        assertThat(autoscaled).containsAll(AUTOSCALED);
        for (String name : autoscaled) {
            assertThat(deployment(rendering, name).getSpec().getReplicas()).as("spec.replicas of %s", name).isNull();
        }
    }

    private static Set<String> secretsReferenced(Rendering rendering) {
        Set<String> names = new TreeSet<>();
        for (Deployment deployment : rendering.typed(Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> c.getEnv() == null ? java.util.stream.Stream.<EnvVar>empty() : c.getEnv().stream())
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName()));
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    names.add(volume.getSecret().getSecretName());
                }
                if (volume.getProjected() != null) {
                    volume.getProjected().getSources().stream()
                            .filter(source -> source.getSecret() != null)
                            .forEach(source -> names.add(source.getSecret().getName()));
                }
            }
        }
        for (Ingress ingress : rendering.typed(Ingress.class)) {
            ingress.getSpec().getTls().stream().map(IngressTLS::getSecretName).forEach(names::add);
        }
        for (Rendering.RenderedObject auth : rendering.ofKind("TriggerAuthentication")) {
            auth.spec().path("secretTargetRef").valueStream().map(r -> r.path("name").asString()).forEach(names::add);
        }
        for (Rendering.RenderedObject cluster : rendering.ofKind("Cluster")) {
            cluster.spec().path("managed").path("roles").valueStream()
                    .map(role -> role.path("passwordSecret").path("name"))
                    .filter(JsonNode::isString)
                    .map(JsonNode::asString)
                    .forEach(names::add);
        }
        return names;
    }

    private static List<String> projectedConfigMaps(PodSpec pod) {
        List<String> names = new ArrayList<>();
        for (Volume volume : pod.getVolumes()) {
            if (volume.getProjected() != null) {
                volume.getProjected().getSources().stream()
                        .map(VolumeProjection::getConfigMap)
                        .filter(java.util.Objects::nonNull)
                        .forEach(c -> names.add(c.getName()));
            }
        }
        return names;
    }

    private static Deployment deployment(Rendering rendering, String name) {
        return rendering.typed(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not rendered in " + rendering));
    }
}
