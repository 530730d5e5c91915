package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The account-specific values of production (Antom client id, public URLs) are the operator's: they live in values
 * files next to the overlay ({@code <name>.env}, never committed; {@code <name>.env.example} shows every key). The
 * overlay does not build without them, and the build fails while a {@code REPLACE_WITH_...} placeholder remains in
 * any rendered overlay (a value left as in the example, or a key missing from the values file).
 */
class ProductionValuesTests {

    private static final String PLACEHOLDER = "REPLACE_WITH_";

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noPlaceholderRemainsInARenderedOverlay(String overlay) {
        Rendering rendering = Overlays.render(overlay);

        assertThat(rendering.objects()).allSatisfy(object -> assertThat(object.raw().toString())
                .as("%s in %s: fill in the overlay's values files (deploy/README.md, step 4)", object, overlay)
                .doesNotContain(PLACEHOLDER));
    }

    @Test
    void theProdOverlayDoesNotBuildWithoutTheOperatorsValuesFiles() {
        Optional<Path> kubectl = Kubectl.find();
        assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH: SKIPPED");
        List<Path> examples = Overlays.valuesExamples();
        assertThat(examples).as("values examples under k8s/overlays").isNotEmpty();
        assumeTrue(examples.stream().noneMatch(e -> Files.exists(Overlays.operatorFile(e))),
                "the operator's values files exist here: the overlay builds with them");

        assertThatThrownBy(() -> Kubectl.kustomize(kubectl.get(), Overlays.K8S.resolve("overlays/prod")))
                .hasMessageContaining(".env");
    }

    @Test
    void anOperatorsValuesFileHasEveryKeyOfItsExample() throws IOException {
        for (Path example : Overlays.valuesExamples()) {
            Path values = Overlays.operatorFile(example);
            if (Files.exists(values)) {
                assertThat(keys(values)).as("keys of %s", values).containsAll(keys(example));
            }
        }
        assertThat(keys(Overlays.valuesExamples().get(0))).isNotEmpty();
    }

    private static Set<String> keys(Path envFile) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(envFile)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                keys.add(trimmed.substring(0, trimmed.indexOf('=')));
            }
        }
        return keys;
    }
}
