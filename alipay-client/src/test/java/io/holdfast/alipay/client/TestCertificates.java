package io.holdfast.alipay.client;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** TEST-ONLY self-signed server certificates, generated at test time. */
final class TestCertificates {

    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private TestCertificates() {
    }

    /** A self-signed certificate for {@code ipAddress} (as an IP SAN), valid for a day. */
    static X509Certificate selfSigned(KeyPair keys, String ipAddress) {
        try {
            // the JDK's TLS stack checks validity against the wall clock, so the certificate must too
            Instant now = WALL_CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
            X500Name name = new X500Name("CN=" + ipAddress);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SSLContext serverContext(KeyPair keys, X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test-only".toCharArray();
            store.setKeyEntry("server", keys.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
