package io.holdfast.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One Deployment's pod, as the kubelet would run it but as a local process: every volume of the pod spec laid out
 * under a directory of its own (projected ConfigMaps and Secrets with their {@code items} paths, Secret and
 * ConfigMap volumes, emptyDirs), the container's environment (and only that), its JVM options
 * ({@code JAVA_TOOL_OPTIONS}, read by the JVM itself) and args, and the service's executable jar.
 *
 * <p>What differs from a pod, and why:
 * <ul>
 *   <li>mount paths are relocated under the pod's directory ({@code /etc/holdfast/config} becomes
 *       {@code <pod>/etc/holdfast/config}) in every ConfigMap value and environment variable;</li>
 *   <li>the container ports get free local ports (a pod has its own network namespace; here three pods share the
 *       host's), in {@code server.port} / {@code management.server.port} and for the probes;</li>
 *   <li>the cluster endpoints are replaced by the local ones ({@code endpoints}): a value still naming a
 *       {@code .svc} address, Antom or the public edge host after that fails the test;</li>
 *   <li>the container's memory and CPU limits become {@code -XX:MaxRAM} and {@code -XX:ActiveProcessorCount} (what
 *       the JVM reads from the cgroup in a container), and C1 only ({@code -XX:TieredStopAtLevel=1}) keeps the boot
 *       fast; {@code extraJvmOptions} carries the trust store of the local Antom's certificate where the manifests
 *       use Antom over HTTPS.</li>
 * </ul>
 */
final class BootPod implements AutoCloseable {

    private static final Pattern CLUSTER_ADDRESS = Pattern.compile(
            "[a-z0-9.-]+\\.svc(\\.cluster\\.local)?\\b|alipay\\.com|pay(\\.dev)?\\.holdfast\\.example|EDGE_HOST");
    private static final Pattern IMPORTANT = Pattern.compile(
            " WARN | ERROR |^Caused by|^Description:|^Reason:|^\\s*(Property|Value|Origin):|FAILED");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path root;
    private final Map<Integer, Integer> ports;
    private final String readinessPath;
    private final int readinessPort;
    private final Path log;
    private Process process;

    private BootPod(String name, Path root, Map<Integer, Integer> ports, String readinessPath, int readinessPort,
                    Path log) {
        this.name = name;
        this.root = root;
        this.ports = ports;
        this.readinessPath = readinessPath;
        this.readinessPort = readinessPort;
        this.log = log;
    }

    /** The Secrets in the cluster, by name: key to bytes. A Secret a pod mounts that is missing fails the layout. */
    interface Secrets {
        Optional<Map<String, byte[]>> get(String name);
    }

    /**
     * Lays out the pod of Deployment {@code deployment} and starts its container.
     *
     * @param ports the local port for each containerPort (allocated by the caller so that other pods can be
     *     given this one's address before it starts)
     * @param endpoints cluster endpoint (as the manifests spell it) to local endpoint, replaced in every value
     */
    static BootPod start(Rendering rendering, String deployment, Secrets secrets, Map<Integer, Integer> ports,
                         Map<String, String> endpoints, Path jar, List<String> extraJvmOptions, Path dir)
            throws IOException, InterruptedException {
        JsonNode pod = podSpec(rendering, deployment);
        for (int i = 0; i < pod.path("initContainers").size(); i++) {
            String init = pod.path("initContainers").get(i).path("name").asString();
            Process process = startInitContainer(rendering, deployment, i, secrets, endpoints, dir);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(deployment + ": init container " + init + " did not complete in 2"
                        + " minutes:\n" + Files.readString(initLog(dir, deployment, init)));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(deployment + ": init container " + init + " exited "
                        + process.exitValue() + ":\n" + Files.readString(initLog(dir, deployment, init)));
            }
        }
        JsonNode container = pod.path("containers").get(0);
        Path root = dir.resolve(deployment);
        Map<String, String> relocations = layOutMounts(rendering, pod, container, root, secrets, endpoints, ports);
        Map<String, String> environment = environment(deployment, container, root, relocations, endpoints, ports);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        JsonNode limits = container.path("resources").path("limits");
        command.add("-XX:MaxRAM=" + bytes(limits.path("memory").asString()));
        command.add("-XX:ActiveProcessorCount=" + (int) Math.ceil(cpus(limits.path("cpu").asString("1"))));
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(extraJvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        container.path("args").forEach(arg -> command.add(rewrite(arg.asString(), relocations, endpoints, ports)));
        Path log = dir.resolve(deployment + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        JsonNode probe = container.path("readinessProbe").path("httpGet");
        int probePort = containerPort(container, probe.path("port"));
        BootPod started = new BootPod(deployment, root, ports, probe.path("path").asString(),
                ports.get(probePort), log);
        started.process = builder.start();
        return started;
    }

    /**
     * Starts init container {@code index} of the Deployment's pod as a local process: its mounts laid out as for the
     * main container (under a directory of its own), its environment, its command and args (the images' shells and
     * curl are the local ones). The caller waits for it or checks that it keeps waiting.
     */
    static Process startInitContainer(Rendering rendering, String deployment, int index, Secrets secrets,
                                      Map<String, String> endpoints, Path dir) throws IOException {
        JsonNode pod = podSpec(rendering, deployment);
        JsonNode container = pod.path("initContainers").get(index);
        String name = container.path("name").asString();
        Path root = dir.resolve(deployment + "-" + name);
        Map<Integer, Integer> noPorts = Map.of();
        Map<String, String> relocations = layOutMounts(rendering, pod, container, root, secrets, endpoints, noPorts);
        Map<String, String> environment = environment(deployment, container, root, relocations, endpoints, noPorts);
        List<String> command = new ArrayList<>();
        container.path("command").forEach(c -> command.add(rewrite(c.asString(), relocations, endpoints, noPorts)));
        container.path("args").forEach(a -> command.add(rewrite(a.asString(), relocations, endpoints, noPorts)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(initLog(dir, deployment, name).toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Path initLog(Path dir, String deployment, String init) {
        return dir.resolve(deployment + "-" + init + ".log");
    }

    private static JsonNode podSpec(Rendering rendering, String deployment) {
        return rendering.find("Deployment", "holdfast", deployment)
                .orElseThrow(() -> new IllegalStateException("no Deployment " + deployment + " in " + rendering))
                .spec().path("template").path("spec");
    }

    /** Lays out a container's volume mounts under {@code root}; returns mount path to local path. */
    private static Map<String, String> layOutMounts(Rendering rendering, JsonNode pod, JsonNode container, Path root,
                                                    Secrets secrets, Map<String, String> endpoints,
                                                    Map<Integer, Integer> ports) throws IOException {
        Files.createDirectories(root);
        Map<String, String> relocations = new LinkedHashMap<>();
        List<JsonNode> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(mounts::add);
        mounts.sort(Comparator.comparing((JsonNode m) -> m.path("mountPath").asString().length()).reversed());
        for (JsonNode mount : mounts) {
            String mountPath = mount.path("mountPath").asString();
            relocations.put(mountPath, root + mountPath);
        }
        for (JsonNode mount : mounts) {
            JsonNode volume = volume(pod, mount.path("name").asString());
            Path target = Path.of(root + mount.path("mountPath").asString());
            Files.createDirectories(target);
            layOut(rendering, volume, target, secrets, value -> rewrite(value, relocations, endpoints, ports));
        }
        return relocations;
    }

    /** The container's environment (plain values, rewritten); fails on a cluster address left over. */
    private static Map<String, String> environment(String deployment, JsonNode container, Path root,
                                                   Map<String, String> relocations, Map<String, String> endpoints,
                                                   Map<Integer, Integer> ports) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", root.toString());
        environment.put("HOSTNAME", deployment + "-boot-test");
        for (JsonNode env : container.path("env")) {
            if (env.has("valueFrom")) {
                throw new IllegalStateException(deployment + ": env " + env.path("name").asString()
                        + " uses valueFrom; the boot test lays out plain values only");
            }
            environment.put(env.path("name").asString(),
                    rewrite(env.path("value").asString(""), relocations, endpoints, ports));
        }
        List<String> leftovers = clusterAddresses(root, environment);
        if (!leftovers.isEmpty()) {
            throw new IllegalStateException(deployment + ": cluster endpoints the boot test does not replace: "
                    + leftovers);
        }
        return environment;
    }

    String name() {
        return name;
    }

    Path root() {
        return root;
    }

    int localPort(int containerPort) {
        return ports.get(containerPort);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** HTTP 200 on the readiness probe's path and port. */
    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + readinessPort + readinessPath))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last warnings and errors of the service's output (and their causes), for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> IMPORTANT.matcher(line).find()).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the service's output that contain {@code text}. */
    List<String> logLines(String text) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then the time until the process exited (SIGKILL and a failure after {@code within}). */
    Duration stop(Duration within) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not exit within " + within + " of SIGTERM:\n"
                    + logTail(20));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGTERM without waiting. */
    void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    /** SIGTERM, as the kubelet after preStop; SIGKILL after the grace period. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asString().equals(name)) {
                return volume;
            }
        }
        throw new IllegalStateException("volumeMount " + name + " has no volume");
    }

    private interface Rewrite {
        String apply(String value);
    }

    private static void layOut(Rendering rendering, JsonNode volume, Path target, Secrets secrets, Rewrite rewrite)
            throws IOException {
        if (volume.has("emptyDir")) {
            return;
        }
        List<JsonNode> sources = new ArrayList<>();
        if (volume.has("projected")) {
            volume.path("projected").path("sources").forEach(sources::add);
        } else {
            sources.add(volume);
        }
        for (JsonNode source : sources) {
            if (source.has("configMap")) {
                JsonNode ref = source.path("configMap");
                String name = ref.path("name").asString();
                Optional<Rendering.RenderedObject> rendered = rendering.find("ConfigMap", "holdfast", name);
                Map<String, byte[]> values = new LinkedHashMap<>();
                if (rendered.isPresent()) {
                    rendered.get().raw().path("data").properties().forEach(e -> values.put(e.getKey(),
                            rewrite.apply(e.getValue().asString()).getBytes(StandardCharsets.UTF_8)));
                } else {
                    values.putAll(trustBundle(rendering, name, secrets).orElseThrow(() -> new IllegalStateException(
                            "ConfigMap " + name + " is neither rendered nor the target of a rendered Bundle")));
                }
                write(values, ref.path("items"), target, "ConfigMap " + name);
            } else if (source.has("secret")) {
                JsonNode ref = source.path("secret");
                String name = ref.has("secretName") ? ref.path("secretName").asString() : ref.path("name").asString();
                Map<String, byte[]> values = secrets.get(name).orElseThrow(() -> new IllegalStateException(
                        "Secret " + name + " does not exist: the pod would stay in ContainerCreating"));
                write(values, ref.path("items"), target, "Secret " + name);
            } else {
                throw new IllegalStateException("volume source the boot test does not lay out: " + source);
            }
        }
    }

    /**
     * What trust-manager writes into namespace holdfast for a rendered Bundle named {@code name} (cluster-scoped,
     * its namespaceSelector picking holdfast): the target key with every source's certificates, each source read
     * from the operators' Secrets in its trust namespace (holdfast-data).
     */
    private static Optional<Map<String, byte[]>> trustBundle(Rendering rendering, String name, Secrets secrets) {
        Optional<Rendering.RenderedObject> bundle = rendering.ofKind("Bundle").stream()
                .filter(b -> b.name().equals(name)).findFirst();
        if (bundle.isEmpty() || !bundle.get().spec().path("target").path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asString().equals("holdfast")) {
            return Optional.empty();
        }
        StringBuilder pem = new StringBuilder();
        for (JsonNode source : bundle.get().spec().path("sources")) {
            JsonNode ref = source.path("secret");
            byte[] value = secrets.get(ref.path("name").asString()).map(s -> s.get(ref.path("key").asString()))
                    .orElseThrow(() -> new IllegalStateException("Bundle " + name + ": no Secret "
                            + ref.path("name").asString() + " with key " + ref.path("key").asString()));
            pem.append(new String(value, StandardCharsets.UTF_8).strip()).append('\n');
        }
        return Optional.of(Map.of(bundle.get().spec().path("target").path("configMap").path("key").asString(),
                pem.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void write(Map<String, byte[]> values, JsonNode items, Path target, String what)
            throws IOException {
        if (items.isMissingNode() || items.isEmpty()) {
            for (Map.Entry<String, byte[]> entry : values.entrySet()) {
                Files.write(target.resolve(entry.getKey()), entry.getValue());
            }
            return;
        }
        for (JsonNode item : items) {
            byte[] value = values.get(item.path("key").asString());
            if (value == null) {
                throw new IllegalStateException(what + " has no key " + item.path("key").asString());
            }
            Path file = target.resolve(item.path("path").asString());
            Files.createDirectories(file.getParent());
            Files.write(file, value);
        }
    }

    private static String rewrite(String value, Map<String, String> relocations, Map<String, String> endpoints,
                                  Map<Integer, Integer> ports) {
        String result = value;
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            result = result.replace(endpoint.getKey(), endpoint.getValue());
        }
        // one pass over all mount paths (longest first), so a relocated path is never relocated again
        String alternatives = relocations.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Matcher mount = Pattern.compile("(?<=^|[=:,\\s])(" + alternatives + ")(?=$|[/\\s,])").matcher(result);
        StringBuilder relocated = new StringBuilder();
        while (mount.find()) {
            mount.appendReplacement(relocated, Matcher.quoteReplacement(relocations.get(mount.group(1))));
        }
        mount.appendTail(relocated);
        result = relocated.toString();
        if (result.matches("\\d+") && ports.containsKey(Integer.parseInt(result))) {
            result = Integer.toString(ports.get(Integer.parseInt(result)));
        }
        return result;
    }

    private static List<String> clusterAddresses(Path root, Map<String, String> environment) throws IOException {
        List<String> found = new ArrayList<>();
        environment.forEach((key, value) -> {
            if (CLUSTER_ADDRESS.matcher(value).find()) {
                found.add("env " + key + "=" + value);
            }
        });
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (text.length() < 4096 && CLUSTER_ADDRESS.matcher(text).find()) {
                    found.add(root.relativize(file) + "=" + text.strip());
                }
            }
        }
        return found;
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isNumber()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asString().equals(port.asString())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new IllegalStateException("no container port " + port);
    }

    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(quantity);
        if (!m.matches()) {
            throw new IllegalArgumentException("memory quantity " + quantity);
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Ki" -> value << 10;
            case "Mi" -> value << 20;
            case "Gi" -> value << 30;
            default -> value;
        };
    }

    static double cpus(String quantity) {
        return quantity.endsWith("m") ? Double.parseDouble(quantity.substring(0, quantity.length() - 1)) / 1000
                : Double.parseDouble(quantity);
    }
}
