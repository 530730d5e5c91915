package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Locale;
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

    /**
     * {@code holdfast.clock.sandbox-url} makes a service's clock follow the sandbox's movable clock: never in
     * production, in any spelling Spring would bind (property, environment variable, relaxed or nested JSON form).
     */
    @Test
    void productionNeverConfiguresTheSandboxFollowingClock() {
        Rendering prod = Overlays.render("prod");

        assertThat(prod.objects()).isNotEmpty().allSatisfy(object -> assertThat(mentionsSandboxClock(
                object.raw().toString())).as("%s mentions holdfast.clock.sandbox-url", object).isFalse());
    }

    @Test
    void theSandboxClockCheckRecognisesEverySpelling() {
        assertThat(List.of("holdfast.clock.sandbox-url=http://x", "HOLDFAST_CLOCK_SANDBOX_URL",
                "HOLDFAST_CLOCK_SANDBOXURL", "--holdfast.clock.sandbox-url=http://x",
                "{\"holdfast\":{\"clock\":{\"sandbox-url\":\"http://x\"}}}", "holdfast.clock.sandboxUrl"))
                .allMatch(EnvironmentSeparationTests::mentionsSandboxClock);
        assertThat(mentionsSandboxClock("holdfast.alipay.base-url=https://open-sea-global.alipay.com")).isFalse();
    }

    /** Case, dots, dashes, underscores, quotes and braces removed: how Spring's relaxed binding sees a name. */
    private static boolean mentionsSandboxClock(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").contains("clocksandboxurl");
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
