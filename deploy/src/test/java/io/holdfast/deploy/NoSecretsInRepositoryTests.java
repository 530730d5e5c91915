package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No secret value is committed under deploy/: Secrets are created in the cluster (README: Secrets) and only
 * referenced by name here.
 */
class NoSecretsInRepositoryTests {

    @Test
    void theDeployModuleHoldsNoSecretValues() {
        assertThat(SecretScanner.scanTree(Path.of("").toAbsolutePath())).isEmpty();
    }

    @Test
    void theScannerFindsPemBlocks() {
        String dashes = "-".repeat(5);
        assertThat(SecretScanner.scan("x\n" + dashes + "BEGIN PRIVATE KEY" + dashes + "\nabc"))
                .containsExactly("line 2: PEM block");
    }

    @Test
    void theScannerFindsBareBase64Keys() {
        byte[] der = new byte[300];
        new Random(7).nextBytes(der);
        der[0] = 0x30;
        der[1] = (byte) 0x82;
        String key = Base64.getEncoder().encodeToString(der);
        assertThat(key).startsWith("MII");

        assertThat(SecretScanner.scan("privateKey: " + key)).containsExactly("line 1: base64 key or certificate");
    }

    @Test
    void theScannerFindsPasswordsButNotPlaceholders() {
        String word = "word";
        assertThat(SecretScanner.scan("  pass" + word + ": hunter2")).hasSize(1);
        assertThat(SecretScanner.scan("POSTGRES_PASS" + word.toUpperCase() + "=hunter2")).hasSize(1);
        assertThat(SecretScanner.scan("spring.flyway.password=${spring.r2dbc.password}")).isEmpty();
        assertThat(SecretScanner.scan("--from-literal=password=\"$(openssl rand -base64 32)\"")).isEmpty();
        assertThat(SecretScanner.scan("    - key: password\n      path: spring.r2dbc.password")).isEmpty();
    }

    @Test
    void theScannerFindsSecretManifests() {
        assertThat(SecretScanner.scan("apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n")).hasSize(1);
    }
}
