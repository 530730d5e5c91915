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
            String yaml = Kubectl.kustomize(kubectl, renderable().resolve("overlays").resolve(name));
            List<Rendering.RenderedObject> objects = StrictModel.documents(yaml).stream()
                    .map(raw -> new Rendering.RenderedObject(raw, StrictModel.parse(raw)))
                    .collect(Collectors.toList());
            return new Rendering(name, objects);
        });
    }

    /**
     * The operator's values files of an overlay ({@code <name>.env}, next to a committed {@code <name>.env.example};
     * not in the repository): where one is missing (as in the repository itself), the tests render a copy of
     * {@code k8s/} in which it is the example with every {@code REPLACE_WITH_<X>} replaced by {@code TEST_ONLY_<X>}.
     * Where the operator's file exists, it is rendered as it is.
     */
    static synchronized Path renderable() {
        if (renderable == null) {
            renderable = copyWithTestValues();
        }
        return renderable;
    }

    private static Path renderable;

    /** Every {@code *.env.example} under the overlays, with its operator file ({@code *.env}, perhaps missing). */
    static List<Path> valuesExamples() {
        try (Stream<Path> files = Files.walk(K8S.resolve("overlays"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".env.example")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path operatorFile(Path example) {
        String name = example.getFileName().toString();
        return example.resolveSibling(name.substring(0, name.length() - ".example".length()));
    }

    private static Path copyWithTestValues() {
        List<Path> missing = valuesExamples().stream().filter(e -> !Files.exists(operatorFile(e))).toList();
        if (missing.isEmpty()) {
            return K8S;
        }
        try {
            Path copy = Files.createTempDirectory("holdfast-k8s").resolve("k8s");
            try (Stream<Path> files = Files.walk(K8S)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(K8S.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            for (Path example : missing) {
                Path target = copy.resolve(K8S.relativize(operatorFile(example)).toString());
                Files.writeString(target, Files.readString(example).replace("REPLACE_WITH_", "TEST_ONLY_"));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path kubectl() {
        Optional<Path> kubectl = Kubectl.find();
        assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: the Kustomize overlays cannot be rendered, so the deploy manifest checks"
                        + " are SKIPPED. Install kubectl (>= 1.27, it bundles kustomize) to run them.");
        return kubectl.get();
    }
}
