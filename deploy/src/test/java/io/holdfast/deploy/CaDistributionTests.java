package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The CA certificates of Strimzi's Kafka cluster and CloudNativePG's Cluster reach the services through trust-manager
 * Bundles (kept current when the operators renew their CAs), not through Secrets copied by hand; and their expiry is
 * alerted on before it happens.
 */
class CaDistributionTests {

    private static final List<String> SERVICES = List.of("notification-ingest", "authorization-service",
            "capture-service", "payment-view");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.holdfast.deploy.Overlays#names")
    void theServicesMountTheOperatorsCaCertificatesFromTrustManagerBundles(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        String kafkaCa = rendering.ofKind("Kafka").get(0).name() + "-cluster-ca-cert";
        String postgresCa = rendering.find("Cluster", "holdfast-data", "holdfast-pg").orElseThrow().name() + "-ca";

        for (String service : SERVICES) {
            JsonNode pod = rendering.find("Deployment", "holdfast", service).orElseThrow().spec().path("template")
                    .path("spec");
            List<String> secrets = new ArrayList<>();
            List<String> caSources = new ArrayList<>();
            for (JsonNode volume : pod.path("volumes")) {
                List<JsonNode> sources = new ArrayList<>();
                volume.path("projected").path("sources").forEach(sources::add);
                sources.add(volume);
                for (JsonNode source : sources) {
                    if (source.has("secret")) {
                        secrets.add(source.path("secret").path("secretName").asString(
                                source.path("secret").path("name").asString()));
                    }
                    String configMap = source.path("configMap").path("name").asString("");
                    bundle(rendering, configMap).ifPresent(bundle -> bundle.spec().path("sources")
                            .forEach(s -> caSources.add(s.path("secret").path("name").asString())));
                }
            }
            assertThat(secrets).as("%s/%s mounts no copied CA Secret", overlay, service)
                    .doesNotContain(kafkaCa, postgresCa, "holdfast-cluster-ca-cert", "holdfast-pg-ca");
            assertThat(caSources).as("%s/%s: CA certificates through Bundles", overlay, service).contains(kafkaCa);
            if (!service.equals("notification-ingest")) {
                assertThat(caSources).as("%s/%s: the PostgreSQL CA", overlay, service).contains(postgresCa);
            }
        }
        JsonNode keda = rendering.find("TriggerAuthentication", "holdfast", "keda-kafka-tls").orElseThrow().spec();
        String kedaCa = keda.path("secretTargetRef").valueStream()
                .filter(ref -> ref.path("parameter").asString().equals("ca"))
                .map(ref -> ref.path("name").asString()).findFirst().orElseThrow();
        assertThat(bundle(rendering, kedaCa)).as("KEDA's CA Secret is a Bundle's Secret target")
                .hasValueSatisfying(bundle -> assertThat(bundle.spec().path("target").path("secret").isObject())
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.holdfast.deploy.Overlays#names")
    void theBundlesPickOnlyTheCertificatesAndOnlyTheServicesNamespace(String overlay) {
        List<Rendering.RenderedObject> bundles = Overlays.render(overlay).ofKind("Bundle");

        assertThat(bundles).hasSize(2).allSatisfy(bundle -> {
            assertThat(bundle.namespace()).as("cluster-scoped").isNull();
            assertThat(bundle.spec().path("sources").valueStream().map(s -> s.path("secret").path("key").asString()))
                    .as("%s reads the public certificate only, never ca.key", bundle.name()).containsOnly("ca.crt");
            assertThat(bundle.spec().path("target").path("namespaceSelector").path("matchLabels")
                    .path("kubernetes.io/metadata.name").asString()).isEqualTo("holdfast");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.holdfast.deploy.Overlays#names")
    void bothCaCertificatesAreAlertedOnBeforeTheyExpire(String overlay) {
        List<String> expressions = new ArrayList<>();
        for (Rendering.RenderedObject rule : Overlays.render(overlay).ofKind("PrometheusRule")) {
            rule.spec().path("groups").forEach(group -> group.path("rules")
                    .forEach(alert -> expressions.add(alert.path("expr").asString())));
        }
        for (String secret : Set.of("holdfast-cluster-ca-cert", "holdfast-pg-ca")) {
            assertThat(expressions).as("an expiry alert on %s", secret).anyMatch(expr ->
                    expr.contains("x509_cert_not_after") && expr.contains(secret) && expr.contains("time()"));
            assertThat(expressions).as("an alert when %s is not watched", secret).anyMatch(expr ->
                    expr.contains("absent(x509_cert_not_after") && expr.contains("secret_name=\"" + secret + "\""));
        }
    }

    private static Optional<Rendering.RenderedObject> bundle(Rendering rendering, String name) {
        return rendering.ofKind("Bundle").stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
