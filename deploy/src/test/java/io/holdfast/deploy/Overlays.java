package io.holdfast.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The overlays under {@code k8s/overlays}, each rendered once per test JVM.
 */
final class Overlays {

    /** The module's manifests; surefire runs with the module directory as working directory. */
    static final Path K8S = Path.of("k8s").toAbsolutePath();

    private static final Map<String, Rendering> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** Names of all overlays (at least dev and prod). */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All overlays rendered; the calling test is skipped (not failed) where kubectl is not installed. */
    static Stream<Rendering> all() {
        return names().stream().map(Overlays::render);
    }

    static Rendering render(String overlay) {
        Path kubectl = kubectl();
        return RENDERED.computeIfAbsent(overlay, name -> {
            String yaml = Kubectl.kustomize(kubectl, K8S.resolve("overlays").resolve(name));
            List<Rendering.RenderedObject> objects = StrictModel.documents(yaml).stream()
                    .map(raw -> new Rendering.RenderedObject(raw, StrictModel.parse(raw)))
                    .collect(Collectors.toList());
            return new Rendering(name, objects);
        });
    }

    private static Path kubectl() {
        Optional<Path> kubectl = Kubectl.find();
        assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: the Kustomize overlays cannot be rendered, so the deploy manifest checks"
                        + " are SKIPPED. Install kubectl (>= 1.27, it bundles kustomize) to run them.");
        return kubectl.get();
    }
}
