package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.sandbox.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar alipay-sandbox-exec.jar [--port=8080] [--https-port=8443|off] ...}: runs the sandbox as a
 * process. Settings come from {@code --name=value} arguments, then system properties {@code alipay.sandbox.name},
 * then environment variables {@code ALIPAY_SANDBOX_NAME}. On first start it writes its key pair, a TLS identity
 * and a demo merchant key pair into the data directory and prints the public keys.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "alipay-sandbox-logback.xml");
        }
        Logger log = log();
        SandboxSettings settings = SandboxSettings.from(args, System.getProperties(), System.getenv());
        AlipaySandbox sandbox = configure(settings).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "alipay-sandbox-shutdown"));
        log.info("Alipay sandbox listening on {} and {}", sandbox.baseUrl(),
                sandbox.httpsPort() < 0 ? "no HTTPS" : sandbox.httpsBaseUrl());
        log.info("sandbox (Antom) public key, keyVersion {}: {}", AlipaySandbox.KEY_VERSION,
                AlipayKeys.toBase64(sandbox.sandboxPublicKey()));
        new CountDownLatch(1).await();
    }

    /** A builder configured from the settings, keys loaded from (or created in) the data directory. */
    static AlipaySandbox.Builder configure(SandboxSettings settings) {
        Path dir = settings.dataDir();
        SecureRandom random = new SecureRandom();
        KeyPair sandboxKeys = keyPair(dir, "sandbox", random);
        KeyPair demo = keyPair(dir, "demo-merchant", random);
        TlsIdentity tls = tls(dir, random);
        AlipaySandbox.Builder builder = AlipaySandbox.builder().host(settings.host()).port(settings.port())
                .httpsPort(settings.httpsPort()).sandboxKeyPair(sandboxKeys).tlsIdentity(tls)
                .strictCapture(settings.strictCapture())
                .captureCompletionDelay(settings.captureCompletionDelay()).publicBaseUrl(settings.publicBaseUrl())
                .client(ClientRegistration.of(settings.demoClientId(), demo.getPublic())
                        .withDefaultNotifyUrl(settings.notifyUrl()));
        log().info("demo merchant {} public key: {} (private key in {})", settings.demoClientId(),
                AlipayKeys.toBase64(demo.getPublic()), dir.resolve("demo-merchant-private-key.txt"));
        settings.clients().forEach((clientId, key) -> builder.client(
                ClientRegistration.of(clientId, AlipayKeys.publicKey(key)).withDefaultNotifyUrl(settings.notifyUrl())));
        return builder;
    }

    /** Looked up lazily so that main can choose the logging configuration first. */
    private static Logger log() {
        return LoggerFactory.getLogger(SandboxMain.class);
    }

    private static KeyPair keyPair(Path dir, String name, SecureRandom random) {
        Path privateFile = dir.resolve(name + "-private-key.txt");
        Path publicFile = dir.resolve(name + "-public-key.txt");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return new KeyPair(AlipayKeys.publicKey(read(publicFile)), AlipayKeys.privateKey(read(privateFile)));
        }
        KeyPair pair = AlipayKeys.generate(random);
        write(privateFile, AlipayKeys.toBase64(pair.getPrivate()));
        write(publicFile, AlipayKeys.toBase64(pair.getPublic()));
        log().info("created key pair {} in {}", name, dir);
        return pair;
    }

    private static TlsIdentity tls(Path dir, SecureRandom random) {
        Path key = dir.resolve("tls-key.pem");
        Path cert = dir.resolve("tls-cert.pem");
        if (Files.exists(key) && Files.exists(cert)) {
            return TlsIdentity.fromPem(read(key), read(cert));
        }
        TlsIdentity identity = TlsIdentity.selfSigned(Clock.systemUTC(), random);
        write(key, identity.privateKeyPem());
        write(cert, identity.certificatePem());
        log().info("created a self-signed TLS certificate for localhost in {}", cert);
        return identity;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
