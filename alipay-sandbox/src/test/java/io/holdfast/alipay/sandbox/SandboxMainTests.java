package io.holdfast.alipay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMainTests {

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesKeysAndLaterStartsReuseThem() throws Exception {
        String[] args = {"--port=0", "--https-port=0", "--host=127.0.0.1", "--data-dir=" + dir};
        SandboxSettings settings = SandboxSettings.from(args, new Properties(), Map.of("ALIPAY_SANDBOX_PORT", "1"));
        assertThat(settings.port()).isZero();
        String firstKey;
        try (AlipaySandbox sandbox = SandboxMain.configure(settings).start()) {
            firstKey = io.holdfast.alipay.client.signing.AlipayKeys.toBase64(sandbox.sandboxPublicKey());
            assertThat(sandbox.httpsPort()).isPositive();
        }
        assertThat(dir.resolve("sandbox-public-key.txt")).exists();
        assertThat(dir.resolve("demo-merchant-private-key.txt")).exists();
        assertThat(dir.resolve("tls-cert.pem")).exists();
        try (AlipaySandbox again = SandboxMain.configure(settings).start()) {
            assertThat(io.holdfast.alipay.client.signing.AlipayKeys.toBase64(again.sandboxPublicKey()))
                    .isEqualTo(firstKey);
            assertThat(again.certificatePem()).isEqualTo(Files.readString(dir.resolve("tls-cert.pem")));
        }
    }

    @Test
    void settingsFallBackToPropertiesThenEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("alipay.sandbox.port", "9090");
        SandboxSettings settings = SandboxSettings.from(new String[0], properties,
                Map.of("ALIPAY_SANDBOX_HTTPS_PORT", "off", "ALIPAY_SANDBOX_CLIENTS", "SANDBOX_A=abc;SANDBOX_B=def"));
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.httpsPort()).isNull();
        assertThat(settings.clients()).containsEntry("SANDBOX_A", "abc").containsEntry("SANDBOX_B", "def");
    }
}
