package io.holdfast.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TEST-ONLY certificates for the boot test, generated per run: one CA standing in for both Strimzi's cluster/clients
 * CA and CloudNativePG's CA, a server certificate for {@code localhost} (the broker and PostgreSQL), and client
 * certificates {@code CN=<KafkaUser name>} as Strimzi's user operator issues them (principal {@code User:CN=<name>}).
 */
final class BootPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    /** Certificates valid from an hour before {@code clock}'s now to two days after. */
    BootPki(Clock clock) {
        this.clock = clock;
        caKeys = rsa();
        ca = sign("CN=holdfast-boot-test-ca", caKeys, caKeys, null, true);
    }

    /** A key and its certificate chain (leaf first). */
    record Identity(KeyPair keys, X509Certificate certificate, X509Certificate ca) {

        /** PKCS#12 with the key and chain under alias {@code name}, as Strimzi's {@code user.p12}. */
        byte[] pkcs12(String name, char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(name, keys.getPrivate(), password, new Certificate[] {certificate, ca});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, password);
                return out.toByteArray();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String certificatePem() {
            return pem(certificate);
        }

        String privateKeyPem() {
            return pem(keys.getPrivate());
        }
    }

    String caPem() {
        return pem(ca);
    }

    /** The server certificate for localhost / 127.0.0.1. */
    Identity server() {
        KeyPair keys = rsa();
        return new Identity(keys, sign("CN=localhost", keys, caKeys, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}), false), ca);
    }

    /** A client certificate {@code CN=<name>}. */
    Identity client(String name) {
        KeyPair keys = rsa();
        return new Identity(keys, sign("CN=" + name, keys, caKeys, null, false), ca);
    }

    private X509Certificate sign(String subject, KeyPair subjectKeys, KeyPair issuerKeys, GeneralNames names,
                                 boolean isCa) {
        Instant now = clock.instant();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    isCa ? new X500Name(subject) : new X500Name("CN=holdfast-boot-test-ca"),
                    new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
