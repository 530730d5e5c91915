package io.holdfast.ingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the edge, {@code holdfast.ingest.*}.
 *
 * @param antom the Antom account: client id, key ring, gateway
 * @param merchants the merchants allowed on {@code /v1/**}
 * @param maxRequestSize larger request bodies are answered 413 (default 64 KiB)
 * @param publishTimeout how long an answer waits for Kafka's confirmation before it says 503 (default 10 s; keep it
 *     above the producer's {@code delivery.timeout.ms})
 * @param notifications dedupe of repeated notifications
 * @param idempotency idempotency records of merchant commands
 * @param consultCacheTtl how long a consult answer is reused for equal inputs (default 60 s)
 * @param defaultRateLimit rate limit of merchants that configure none
 */
@ConfigurationProperties("holdfast.ingest")
public record IngestProperties(Antom antom, @DefaultValue List<MerchantProperties> merchants,
        @DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue Notifications notifications, @DefaultValue Idempotency idempotency,
        @DefaultValue("60s") Duration consultCacheTtl, @DefaultValue RateLimit defaultRateLimit) {

    /**
     * @param clientId our Antom client id; notifications with another {@code client-id} are refused
     * @param alipayPublicKeys Antom's public keys by keyVersion (bare base64 X.509 or PEM): verify notifications and
     *     responses; list the old and the new version during a rotation
     * @param gatewayUrl Antom gateway (or the sandbox emulator), e.g. {@code https://open-sea-global.alipay.com}
     * @param merchantPrivateKeyFile file holding our private key (PKCS#8 base64 or PEM), preferred: mounted secret
     * @param merchantPrivateKey the private key inline, when no file is given
     * @param keyVersion the keyVersion our request signatures announce
     * @param trustedCertificateFile PEM certificate(s) that replace the JDK trust store (the sandbox's self-signed one)
     * @param allowPlainHttp permit an http:// gateway (local emulator only)
     * @param vaultingNotificationUrl public URL of our {@code /alipay/notifications/vaulting}
     * @param vaultingRedirectUrl where the buyer returns after 3-D Secure on a vaulted card
     */
    public record Antom(String clientId, Map<Integer, String> alipayPublicKeys, URI gatewayUrl,
            Path merchantPrivateKeyFile, String merchantPrivateKey, @DefaultValue("1") int keyVersion,
            Path trustedCertificateFile, @DefaultValue("false") boolean allowPlainHttp,
            String vaultingNotificationUrl, String vaultingRedirectUrl) {

        @Override
        public String toString() {
            return "Antom[clientId=" + clientId + ", gatewayUrl=" + gatewayUrl + ", keyVersions="
                    + (alipayPublicKeys == null ? null : alipayPublicKeys.keySet()) + "]";
        }
    }

    /**
     * @param id the merchant id put on its commands
     * @param apiKeySha256 lower-case hex SHA-256 of the merchant's API key (the key itself is never configured)
     * @param scopes allowed operations ({@code payments:authorize}, {@code payments:cancel}, {@code payments:capture},
     *     {@code payments:refund},
     *     {@code payment-methods:consult}); all when empty
     * @param paymentRequestIdPrefix the merchant's namespace of paymentRequestIds; defaults to {@code <id>-}
     * @param rateLimit the merchant's token bucket; the default one when absent
     */
    public record MerchantProperties(String id, String apiKeySha256, @DefaultValue List<String> scopes,
            String paymentRequestIdPrefix, RateLimit rateLimit) {
    }

    /** A token bucket: bursts of {@code capacity}, refilled at {@code refillPerSecond}. */
    public record RateLimit(@DefaultValue("100") int capacity, @DefaultValue("50") double refillPerSecond) {
    }

    /**
     * @param ttl how long a stored notification id is remembered (Antom retries for 24 h 22 min)
     * @param maxEntries bound of the remembered set
     */
    public record Notifications(@DefaultValue("25h") Duration ttl, @DefaultValue("200000") long maxEntries) {
    }

    /**
     * @param ttl how long an Idempotency-Key's answer is replayed (and a conflicting reuse refused with 409), counted
     *     from when it was recorded, on every replica
     * @param maxEntries bound of each replica's in-memory copy of the records
     * @param topic the compacted topic the replicas share their records on (cleanup.policy compact,delete with a
     *     retention above {@code ttl})
     * @param fingerprintKey base64 secret (at least 32 bytes) keying the request fingerprints, the same on every
     *     replica; when absent it is derived from the Antom merchant private key (so set it before rotating that key,
     *     or identical retries across the rotation get 409 until the records expire)
     */
    public record Idempotency(@DefaultValue("24h") Duration ttl, @DefaultValue("100000") long maxEntries,
            @DefaultValue("holdfast.idempotency") String topic, String fingerprintKey) {

        @Override
        public String toString() {
            return "Idempotency[ttl=" + ttl + ", maxEntries=" + maxEntries + ", topic=" + topic + ", fingerprintKey="
                    + (fingerprintKey == null ? "derived" : "<redacted>") + "]";
        }
    }
}
