package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The edge's rate limit (ingress-nginx, per client address) limits merchants, never Antom: Antom sends every
 * notification from a few addresses, and a throttled notification is a 503 that Antom resends later, delaying a
 * payment's outcome. The Ingress routing {@code /alipay/notifications} carries no rate-limit annotation; the one
 * routing the merchant API does.
 */
class EdgeRateLimitTests {

    private static final List<String> RATE_LIMITS = List.of("nginx.ingress.kubernetes.io/limit-rps",
            "nginx.ingress.kubernetes.io/limit-rpm", "nginx.ingress.kubernetes.io/limit-connections");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void antomsNotificationsAreNotRateLimitedAndTheMerchantApiIs(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        boolean notificationsRouted = false;
        boolean merchantApiRouted = false;
        for (Rendering.RenderedObject ingress : rendering.ofKind("Ingress")) {
            JsonNode annotations = ingress.raw().path("metadata").path("annotations");
            boolean limited = RATE_LIMITS.stream().anyMatch(annotations::has);
            for (JsonNode rule : ingress.spec().path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String prefix = path.path("path").asString();
                    if (prefix.startsWith("/alipay/notifications")) {
                        notificationsRouted = true;
                        assertThat(limited).as("%s %s routes %s with a rate limit", overlay, ingress, prefix)
                                .isFalse();
                    }
                    if (prefix.equals("/") || prefix.startsWith("/v1")) {
                        merchantApiRouted = true;
                        assertThat(limited).as("%s %s routes %s without a rate limit", overlay, ingress, prefix)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(notificationsRouted).as("%s: an Ingress path for /alipay/notifications", overlay).isTrue();
        assertThat(merchantApiRouted).as("%s: an Ingress path for the merchant API", overlay).isTrue();
    }
}
