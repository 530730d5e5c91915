package io.holdfast.alipay.client;

import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link AlipayClient} needs.
 *
 * @param baseUrl scheme and host of the Antom gateway, e.g. {@code https://open-sea-global.alipay.com}
 * @param clientId the Antom client id; one starting with {@code SANDBOX_} calls the {@code /ams/sandbox/api} paths
 * @param merchantSigner signs requests with the merchant private key
 * @param alipayPublicKeys verifies response signatures (Antom's public key, by keyVersion)
 * @param timeouts whole-call timeout per operation; defaults to {@link Timeouts#DEFAULTS} when null
 * @param connectTimeout TCP connect timeout; 3 s when null. A failed connect is a safe, not-sent outcome.
 * @param tls certificate trust; {@link Tls#SYSTEM} when null
 */
public record AlipayClientProperties(URI baseUrl, String clientId, Signer merchantSigner, KeyRing alipayPublicKeys,
        Timeouts timeouts, Duration connectTimeout, Tls tls) {

    public AlipayClientProperties {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(merchantSigner, "merchantSigner");
        Objects.requireNonNull(alipayPublicKeys, "alipayPublicKeys");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        timeouts = timeouts == null ? Timeouts.DEFAULTS : timeouts;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        tls = tls == null ? Tls.SYSTEM : tls;
        String scheme = baseUrl.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && tls.allowPlainHttp())) {
            throw new IllegalArgumentException("Antom is called over https only (allowPlainHttp is for local emulators)");
        }
    }

    public static AlipayClientProperties of(URI baseUrl, String clientId, Signer merchantSigner,
            KeyRing alipayPublicKeys) {
        return new AlipayClientProperties(baseUrl, clientId, merchantSigner, alipayPublicKeys, null, null, null);
    }

    /**
     * Whole-call timeouts (connect, send, wait, read). A timeout after the request may have been sent is an unknown
     * outcome. Defaults: pay, cancel, capture and vault 8 s; inquiry and consult 5 s. A refund uses the capture
     * timeout and inquiryRefund the inquiry timeout (both money-moving or read-only alike).
     */
    public record Timeouts(Duration consult, Duration pay, Duration cancel, Duration capture, Duration inquiry,
            Duration vault) {

        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(8),
                Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(5), Duration.ofSeconds(8));

        public Timeouts {
            Objects.requireNonNull(consult, "consult");
            Objects.requireNonNull(pay, "pay");
            Objects.requireNonNull(cancel, "cancel");
            Objects.requireNonNull(capture, "capture");
            Objects.requireNonNull(inquiry, "inquiry");
            Objects.requireNonNull(vault, "vault");
        }

        public static Timeouts all(Duration timeout) {
            return new Timeouts(timeout, timeout, timeout, timeout, timeout, timeout);
        }

        public Duration forOperation(AlipayOperation operation) {
            return switch (operation) {
                case CONSULT -> consult;
                case PAY -> pay;
                case CANCEL -> cancel;
                case CAPTURE -> capture;
                case INQUIRY_PAYMENT, INQUIRY_REFUND -> inquiry;
                case REFUND -> capture;
                case VAULT_PAYMENT_METHOD -> vault;
            };
        }
    }

    /**
     * Certificate trust. Certificates and host names are always validated; {@code trustedCertificates}, when not
     * empty, replaces the JDK trust store (e.g. the sandbox emulator's self-signed certificate).
     *
     * @param allowPlainHttp permit an {@code http://} baseUrl (local emulators only)
     */
    public record Tls(List<X509Certificate> trustedCertificates, boolean allowPlainHttp) {

        public static final Tls SYSTEM = new Tls(List.of(), false);

        public Tls {
            trustedCertificates = List.copyOf(trustedCertificates);
        }

        public static Tls trusting(List<X509Certificate> certificates) {
            return new Tls(certificates, false);
        }

        public static Tls plainHttpForLocalEmulator() {
            return new Tls(List.of(), true);
        }
    }
}
