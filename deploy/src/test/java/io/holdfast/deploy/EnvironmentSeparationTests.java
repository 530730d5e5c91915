package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Antom sandbox is for non-production only; production talks to Antom over HTTPS.
 */
class EnvironmentSeparationTests {

    private static final String SANDBOX = "alipay-sandbox";

    @Test
    void productionContainsNoTraceOfTheSandbox() {
        Rendering prod = Overlays.render("prod");

        assertThat(prod.objects()).noneMatch(o -> o.name().contains(SANDBOX));
        assertThat(images(prod)).noneMatch(image -> image.contains(SANDBOX));
        assertThat(prod.typed(ConfigMap.class)).allSatisfy(configMap ->
                assertThat(configMap.getData().values()).noneMatch(value -> value.contains(SANDBOX)));
        assertThat(commonConfig(prod).getData())
                .containsEntry("holdfast.alipay.base-url", "https://open-sea-global.alipay.com")
                .doesNotContainKey("holdfast.alipay.allow-plain-http");
        assertThat(prod.typed(ConfigMap.class)).allSatisfy(configMap ->
                assertThat(configMap.getData().keySet()).noneMatch(key -> key.endsWith(".allow-plain-http")));
    }

    @Test
    void devRunsTheSandboxAndPointsTheServicesAtIt() {
        Rendering dev = Overlays.render("dev");

        assertThat(dev.find("Deployment", "holdfast", SANDBOX)).isPresent();
        assertThat(commonConfig(dev).getData().get("holdfast.alipay.base-url")).contains(SANDBOX);
        assertThat(config(dev, "notification-ingest-config-").getData().get("holdfast.ingest.antom.gateway-url"))
                .contains(SANDBOX);
    }

    @Test
    void productionImagesArePinnedToAReleaseNotASnapshot() {
        assertThat(images(Overlays.render("prod")))
                .isNotEmpty()
                .allMatch(image -> image.contains(":") && !image.endsWith(":latest") && !image.contains("SNAPSHOT")
                        && !image.endsWith(":dev"), "a pinned release tag or digest");
    }

    private static ConfigMap commonConfig(Rendering rendering) {
        return config(rendering, "holdfast-common-");
    }

    private static ConfigMap config(Rendering rendering, String namePrefix) {
        return rendering.typed(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith(namePrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(namePrefix + "* ConfigMap not rendered"));
    }

    private static List<String> images(Rendering rendering) {
        return rendering.typed(Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .map(Container::getImage)
                .collect(Collectors.toList());
    }
}
