package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import io.holdfast.alipay.client.AlipayOutcome.NotSent;
import io.holdfast.alipay.client.AlipayOutcome.Succeeded;
import io.holdfast.alipay.client.model.PayResponse;
import io.holdfast.alipay.client.signing.Signer;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificates are validated: a configured trusted certificate works, anything else never gets a request. */
class AlipayClientTlsTests {

    private static final KeyPair SERVER_KEYS = TestKeys.STRANGER;
    private static final X509Certificate CERTIFICATE = TestCertificates.selfSigned(SERVER_KEYS, "127.0.0.1");

    private FakeAntom antom;

    @BeforeEach
    void start() throws IOException {
        antom = new FakeAntom(TestKeys.merchantKeys(), TestKeys.antomSigner(), TestKeys.antomSigner(),
                TestCertificates.serverContext(SERVER_KEYS, CERTIFICATE));
    }

    @AfterEach
    void stop() {
        antom.close();
    }

    private AlipayOutcome<PayResponse> payOver(Tls tls) {
        try (AlipayClient client = AlipayClient.create(new AlipayClientProperties(antom.baseUrl(), "5X00000000000000",
                TestKeys.merchantSigner(), TestKeys.antomKeys(), null, null, tls), Clock.systemUTC())) {
            return client.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20));
        }
    }

    @Test
    void aConfiguredTrustedCertificateIsAccepted() {
        assertThat(payOver(Tls.trusting(List.of(CERTIFICATE)))).isInstanceOf(Succeeded.class);
        assertThat(antom.requests()).hasSize(1);
    }

    @Test
    void anUntrustedCertificateIsRejectedBeforeAnythingIsSent() {
        assertThat(payOver(Tls.SYSTEM)).isInstanceOfSatisfying(NotSent.class,
                notSent -> assertThat(notSent.reason()).isEqualTo(NotSentReason.TLS_HANDSHAKE_FAILED));
        assertThat(antom.requests()).isEmpty();
    }

    @Test
    void theHostNameIsVerified() {
        X509Certificate otherHost = TestCertificates.selfSigned(SERVER_KEYS, "10.9.8.7");

        assertThat(payOver(Tls.trusting(List.of(otherHost)))).isInstanceOfSatisfying(NotSent.class,
                notSent -> assertThat(notSent.reason()).isEqualTo(NotSentReason.TLS_HANDSHAKE_FAILED));
        assertThat(antom.requests()).isEmpty();
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedForALocalEmulator() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayClientProperties.of(URI.create("http://antom.example"),
                "5X00000000000000", TestKeys.merchantSigner(), TestKeys.antomKeys()));
    }

    @Test
    void aKeyThatCannotSignIsNotSent() throws NoSuchAlgorithmException {
        Signer broken = new Signer(KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate(), 1);
        try (AlipayClient client = AlipayClient.create(new AlipayClientProperties(antom.baseUrl(), "5X00000000000000",
                broken, TestKeys.antomKeys(), null, null, Tls.trusting(List.of(CERTIFICATE))), Clock.systemUTC())) {

            assertThat(client.pay(TestRequests.payWithCard()).block(Duration.ofSeconds(20)))
                    .isEqualTo(new NotSent<>(NotSentReason.SIGNING_FAILED, "request signing failed"));
        }
        assertThat(antom.requests()).isEmpty();
    }
}
