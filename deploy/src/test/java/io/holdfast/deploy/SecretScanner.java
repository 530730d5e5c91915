package io.holdfast.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds secret values in text: PEM blocks, bare base64 DER keys (how Antom hands out keys), passwords with a
 * literal value (after a colon in YAML, after an equals sign in properties, env and command lines), and Secret
 * manifests. Placeholders ({@code ${...}}, {@code $(...)}, {@code <...>}) are fine.
 * The patterns are written so that this file does not match itself.
 */
final class SecretScanner {

    private static final Pattern PEM = Pattern.compile(
            "-{5}BEGIN ((RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY|CERTIFICATE)-{5}");
    /** DER SEQUENCE of 256+ bytes in base64 starts with "MII": RSA keys, certificates. */
    private static final Pattern BASE64_DER = Pattern.compile("MII[A-Za-z0-9+/]{100,}");
    private static final Pattern PASSWORD = Pattern.compile("(?i)password[\"']?(?::\\s*|=)([^\\s,;)]+)");
    private static final Pattern SECRET_MANIFEST = Pattern.compile("(?m)^kind:\\s*Secret\\s*$");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules");

    private SecretScanner() {
    }

    /** Findings in one text, each as "line N: what". */
    static List<String> scan(String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (PEM.matcher(line).find()) {
                findings.add("line " + (i + 1) + ": PEM block");
            }
            if (BASE64_DER.matcher(line).find()) {
                findings.add("line " + (i + 1) + ": base64 key or certificate");
            }
            Matcher password = PASSWORD.matcher(line);
            while (password.find()) {
                if (!isPlaceholder(password.group(1))) {
                    findings.add("line " + (i + 1) + ": password with a value");
                }
            }
        }
        if (SECRET_MANIFEST.matcher(text).find()) {
            findings.add("a Secret manifest (reference Secrets by name; README says how to create them)");
        }
        return findings;
    }

    /** Findings in every text file under a directory (build output and VCS data skipped), keyed by path. */
    static List<String> scanTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> root.relativize(file).toString().split("[/\\\\]").length > 0
                            && Stream.of(root.relativize(file).toString().split("[/\\\\]"))
                                    .noneMatch(SKIPPED_DIRECTORIES::contains))
                    .flatMap(file -> readText(file).stream()
                            .flatMap(text -> scan(text).stream().map(f -> root.relativize(file) + " " + f)))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPlaceholder(String value) {
        String unquoted = value.replaceAll("^[\"']+", "");
        return unquoted.isEmpty() || unquoted.startsWith("$") || unquoted.startsWith("<")
                || unquoted.startsWith("\\") || unquoted.startsWith("[") || unquoted.startsWith("(");
    }

    private static java.util.Optional<String> readText(Path file) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (CharacterCodingException binary) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
