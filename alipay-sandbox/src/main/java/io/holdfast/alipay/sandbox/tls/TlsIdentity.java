package io.holdfast.alipay.sandbox.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import io.holdfast.alipay.client.signing.AlipayKeys;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS identity of the sandbox: a key and a self-signed certificate for {@code localhost} /
 * {@code 127.0.0.1}, made with BouncyCastle on first start. Clients trust it by importing
 * {@link #certificatePem()}.
 *
 * @param privateKey the TLS key (never logged)
 * @param certificate the self-signed certificate
 */
public record TlsIdentity(PrivateKey privateKey, X509Certificate certificate) {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    public static TlsIdentity selfSigned(Clock clock, SecureRandom random) {
        KeyPair pair = AlipayKeys.generate(random);
        X500Name name = new X500Name("CN=localhost,O=Holdfast Alipay Sandbox");
        Instant now = clock.instant();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return new TlsIdentity(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("could not create the self-signed certificate", e);
        }
    }

    /** Reads an identity written by {@link #privateKeyPem()} and {@link #certificatePem()}. */
    public static TlsIdentity fromPem(String privateKeyPem, String certificatePem) {
        try (PEMParser parser = new PEMParser(new StringReader(certificatePem))) {
            X509CertificateHolder holder = (X509CertificateHolder) parser.readObject();
            return new TlsIdentity(AlipayKeys.privateKey(privateKeyPem),
                    new JcaX509CertificateConverter().getCertificate(holder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a readable certificate", e);
        }
    }

    public String certificatePem() {
        return pem(certificate);
    }

    public String privateKeyPem() {
        return pem(privateKey);
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate.getSubjectX500Principal() + "]";
    }
}
