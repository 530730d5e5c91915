package io.holdfast.localstack;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * The key pairs of the local stack's Antom sandbox, in the sandbox's data directory under the file names
 * alipay-sandbox itself uses ({@code sandbox-*-key.txt}, {@code demo-merchant-*-key.txt}, bare base64). The local
 * stack creates them before starting any process, so the sandbox loads them and the services get the paths of the
 * files they need: the demo merchant's private key (to sign) and the sandbox's public key (to verify). Generated on
 * first start of a home directory; test keys, never real ones.
 *
 * @param directory the sandbox data directory
 */
public record SandboxKeys(Path directory) {

    /** The sandbox's demo merchant (alipay-sandbox's default {@code demo-client-id}). */
    public static final String DEMO_CLIENT_ID = "SANDBOX_5X00000000000000";
    public static final int KEY_VERSION = 1;

    /** Creates the missing key pairs in {@code directory}. */
    public static SandboxKeys ensure(Path directory, SecureRandom random) throws IOException {
        Files.createDirectories(directory);
        SandboxKeys keys = new SandboxKeys(directory);
        keys.ensurePair("sandbox", random);
        keys.ensurePair("demo-merchant", random);
        return keys;
    }

    public Path merchantPrivateKeyFile() {
        return directory.resolve("demo-merchant-private-key.txt");
    }

    public Path merchantPublicKeyFile() {
        return directory.resolve("demo-merchant-public-key.txt");
    }

    public Path sandboxPublicKeyFile() {
        return directory.resolve("sandbox-public-key.txt");
    }

    /** Signs requests as the demo merchant. */
    public Signer merchantSigner() throws IOException {
        PrivateKey key = AlipayKeys.privateKey(Files.readString(merchantPrivateKeyFile(), StandardCharsets.UTF_8));
        return new Signer(key, KEY_VERSION);
    }

    public PublicKey sandboxPublicKey() throws IOException {
        return AlipayKeys.publicKey(Files.readString(sandboxPublicKeyFile(), StandardCharsets.UTF_8));
    }

    private void ensurePair(String name, SecureRandom random) throws IOException {
        Path privateFile = directory.resolve(name + "-private-key.txt");
        Path publicFile = directory.resolve(name + "-public-key.txt");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return;
        }
        KeyPair pair = AlipayKeys.generate(random);
        Files.writeString(privateFile, AlipayKeys.toBase64(pair.getPrivate()), StandardCharsets.UTF_8);
        Files.writeString(publicFile, AlipayKeys.toBase64(pair.getPublic()), StandardCharsets.UTF_8);
    }
}
