package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders, and every rendered object is a valid Kubernetes object: built-in kinds parse into the
 * fabric8 model without a single unknown field, custom resources carry the fields their operators require.
 */
class RenderedManifestsTests {

    static List<String> overlays() {
        return Overlays.names();
    }

    @Test
    void thereAreDevAndProdOverlays() {
        assertThat(Overlays.names()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void builtInKindsHaveNoFieldUnknownToTheKubernetesModel(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<String> unknown = new ArrayList<>();
        for (Rendering.RenderedObject object : rendering.objects()) {
            StrictModel.unknownFields(object.typed()).forEach(field -> unknown.add(object + ": " + field));
        }
        assertThat(rendering.objects()).isNotEmpty();
        assertThat(unknown).as("fields the Kubernetes API would reject or ignore").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void customResourcesAreKnownKindsWithTheirRequiredFields(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Rendering.RenderedObject object : rendering.objects()) {
            if (object.typed() instanceof GenericKubernetesResource) {
                CustomResourceChecks.check(object, rendering, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Cluster-scoped custom resources (no namespace): trust-manager's Bundle. */
    private static final Set<String> CLUSTER_SCOPED_CUSTOM_KINDS = Set.of("Bundle");

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyNamespacedObjectLivesInARenderedNamespace(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        Set<String> namespaces = rendering.typed(Namespace.class).stream()
                .map(ns -> ns.getMetadata().getName())
                .collect(Collectors.toSet());
        assertThat(namespaces).containsExactlyInAnyOrder("holdfast", "holdfast-data");
        List<String> strays = rendering.objects().stream()
                .filter(o -> !o.kind().equals("Namespace"))
                .filter(o -> !CLUSTER_SCOPED_CUSTOM_KINDS.contains(o.kind()))
                .filter(o -> o.namespace() == null || !namespaces.contains(o.namespace()))
                .map(Object::toString)
                .collect(Collectors.toList());
        assertThat(strays).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretIsRenderedSecretsAreCreatedByTheOperatorOrByOperators(String overlay) {
        assertThat(Overlays.render(overlay).ofKind("Secret")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapAWorkloadMountsIsRendered(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<String> missing = new ArrayList<>();
        for (Deployment deployment : rendering.typed(Deployment.class)) {
            String namespace = deployment.getMetadata().getNamespace();
            for (String name : configMapsMounted(deployment)) {
                boolean bundleTarget = rendering.ofKind("Bundle").stream().anyMatch(b -> b.name().equals(name)
                        && b.spec().path("target").path("configMap").isObject());
                if (rendering.find("ConfigMap", namespace, name).isEmpty() && !bundleTarget) {
                    missing.add(deployment.getMetadata().getName() + " -> " + name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> configMapsMounted(Deployment deployment) {
        List<String> names = new ArrayList<>();
        for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
            if (volume.getConfigMap() != null) {
                names.add(volume.getConfigMap().getName());
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection source : volume.getProjected().getSources()) {
                    ConfigMapProjection configMap = source.getConfigMap();
                    if (configMap != null) {
                        names.add(configMap.getName());
                    }
                }
            }
        }
        return names;
    }
}
