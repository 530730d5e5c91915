package io.holdfast.alipay.client.signing;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Loads and prints RSA keys the way Antom hands them out: bare base64 on one line (PKCS#8 private keys, X.509
 * SubjectPublicKeyInfo public keys), or PEM (PKCS#1 or PKCS#8, parsed with BouncyCastle).
 *
 * <p>Key material is never logged or put into exception messages.
 */
public final class AlipayKeys {

    private static final JcaPEMKeyConverter PEM = new JcaPEMKeyConverter();

    private AlipayKeys() {
    }

    public static PrivateKey privateKey(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("-----BEGIN")) {
                Object parsed = readPem(trimmed);
                if (parsed instanceof PEMKeyPair pair) {
                    return PEM.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (parsed instanceof PrivateKeyInfo info) {
                    return PEM.getPrivateKey(info);
                }
                throw new IllegalArgumentException("PEM does not hold an RSA private key");
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(trimmed)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("not a readable RSA private key (PKCS#8 base64 or PEM expected)", e);
        }
    }

    public static PublicKey publicKey(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("-----BEGIN")) {
                Object parsed = readPem(trimmed);
                if (parsed instanceof SubjectPublicKeyInfo info) {
                    return PEM.getPublicKey(info);
                }
                throw new IllegalArgumentException("PEM does not hold a public key");
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(trimmed)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("not a readable RSA public key (X.509 base64 or PEM expected)", e);
        }
    }

    /** Bare base64 on one line, as Antom's dashboard shows keys. */
    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Bare base64 PKCS#8 on one line, as the official SDKs take a merchant private key. */
    public static String toBase64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A fresh RSA-2048 key pair (Antom requires 2048-bit keys). */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static Object readPem(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }
}
