package io.holdfast.ingest.config;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.notification.NotificationVerifier;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.ingest.adapter.alipay.AntomCardVault;
import io.holdfast.ingest.adapter.alipay.AntomNotificationReader;
import io.holdfast.ingest.adapter.alipay.AntomPaymentMethodCatalog;
import io.holdfast.ingest.adapter.kafka.KafkaIdempotencyLog;
import io.holdfast.ingest.adapter.kafka.KafkaPublishers;
import io.holdfast.ingest.adapter.metrics.MicrometerIngestMetrics;
import io.holdfast.ingest.adapter.web.ErrorResponses;
import io.holdfast.ingest.adapter.web.MerchantGate;
import io.holdfast.ingest.adapter.web.NotificationRoute;
import io.holdfast.ingest.adapter.web.WebLimits;
import io.holdfast.ingest.application.CardVault;
import io.holdfast.ingest.application.CommandIntake;
import io.holdfast.ingest.application.IdempotencyStore;
import io.holdfast.ingest.application.IngestMetrics;
import io.holdfast.ingest.application.MerchantDirectory;
import io.holdfast.ingest.application.MerchantRateLimiter;
import io.holdfast.ingest.application.NotificationIngestion;
import io.holdfast.ingest.application.PaymentMethodCatalog;
import io.holdfast.ingest.application.PaymentMethodConsultation;
import io.holdfast.ingest.application.RequestFingerprint;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the edge: the application services are plain classes, built here from typed properties. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    KeyRing alipayKeyRing(IngestProperties properties) {
        Map<Integer, String> configured = properties.antom().alipayPublicKeys();
        if (configured == null || configured.isEmpty()) {
            throw new IllegalStateException("holdfast.ingest.antom.alipay-public-keys needs at least one key version");
        }
        Map<Integer, PublicKey> keys = new TreeMap<>();
        configured.forEach((version, text) -> keys.put(version, AlipayKeys.publicKey(text)));
        return new KeyRing(keys);
    }

    @Bean
    NotificationVerifier notificationVerifier(IngestProperties properties, KeyRing alipayKeyRing) {
        return new NotificationVerifier(properties.antom().clientId(), alipayKeyRing);
    }

    @Bean(destroyMethod = "close")
    AlipayClient alipayClient(IngestProperties properties, KeyRing alipayKeyRing, Clock clock) throws IOException {
        IngestProperties.Antom antom = properties.antom();
        Signer signer = new Signer(AlipayKeys.privateKey(merchantKeyText(antom)), antom.keyVersion());
        List<X509Certificate> trusted = antom.trustedCertificateFile() == null ? List.of()
                : certificates(antom.trustedCertificateFile());
        AlipayClientProperties.Tls tls = new AlipayClientProperties.Tls(trusted, antom.allowPlainHttp());
        return AlipayClient.create(new AlipayClientProperties(antom.gatewayUrl(), antom.clientId(), signer,
                alipayKeyRing, null, null, tls), clock);
    }

    @Bean
    CardVault cardVault(AlipayClient alipayClient, IngestProperties properties) {
        return new AntomCardVault(alipayClient, properties.antom().vaultingNotificationUrl(),
                properties.antom().vaultingRedirectUrl());
    }

    @Bean
    PaymentMethodCatalog paymentMethodCatalog(AlipayClient alipayClient) {
        return new AntomPaymentMethodCatalog(alipayClient);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService kafkaSendExecutor() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(50_000), runnable -> {
            Thread thread = new Thread(runnable, "kafka-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    KafkaPublishers kafkaPublishers(KafkaTemplate<String, SpecificRecord> kafkaTemplate,
            ExecutorService kafkaSendExecutor) {
        return new KafkaPublishers(kafkaTemplate, kafkaSendExecutor);
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new MicrometerIngestMetrics(registry);
    }

    @Bean
    NotificationIngestion notificationIngestion(NotificationVerifier notificationVerifier,
            KafkaPublishers kafkaPublishers, IngestMetrics ingestMetrics, Clock clock, IngestProperties properties) {
        return new NotificationIngestion(new AntomNotificationReader(notificationVerifier), kafkaPublishers,
                ingestMetrics, clock, new NotificationIngestion.DedupeSettings(properties.notifications().ttl(),
                        properties.notifications().maxEntries(), properties.publishTimeout()));
    }

    @Bean
    IdempotencyStore idempotencyStore(Clock clock, IngestProperties properties) {
        return new IdempotencyStore(clock, properties.idempotency().ttl(), properties.idempotency().maxEntries());
    }

    /** The records every replica shares; read before the replica is ready (see the readiness group). */
    @Bean(initMethod = "start", destroyMethod = "close")
    KafkaIdempotencyLog idempotencyLog(IngestProperties properties, KafkaProperties kafka,
            IdempotencyStore idempotencyStore, JsonMapper jsonMapper, ExecutorService kafkaSendExecutor) {
        return new KafkaIdempotencyLog(properties.idempotency().topic(), kafka.buildProducerProperties(),
                kafka.buildConsumerProperties(), idempotencyStore, jsonMapper, kafkaSendExecutor);
    }

    /** In the readiness group: a replica takes traffic only once it has read every shared idempotency record. */
    @Bean
    HealthIndicator idempotencyRecordsHealthIndicator(IdempotencyStore idempotencyStore) {
        return () -> idempotencyStore.isLoaded() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "reading the shared idempotency records").build();
    }

    @Bean
    CommandIntake commandIntake(IdempotencyStore idempotencyStore, KafkaIdempotencyLog idempotencyLog,
            CardVault cardVault, KafkaPublishers kafkaPublishers, Clock clock, IngestProperties properties) {
        return new CommandIntake(idempotencyStore, idempotencyLog, cardVault, kafkaPublishers, clock,
                properties.publishTimeout());
    }

    /**
     * Fingerprints are shared by all replicas, so their key is too: {@code holdfast.ingest.idempotency.fingerprint-key}
     * or, when absent, HMAC-SHA256 of a fixed label keyed with the Antom merchant private key (a secret every replica
     * already has).
     */
    @Bean
    RequestFingerprint requestFingerprint(IngestProperties properties) throws IOException {
        String configured = properties.idempotency().fingerprintKey();
        if (configured != null && !configured.isBlank()) {
            return new RequestFingerprint(Base64.getDecoder().decode(configured.strip()));
        }
        byte[] merchantKey = AlipayKeys.privateKey(merchantKeyText(properties.antom())).getEncoded();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(merchantKey, "HmacSHA256"));
            return new RequestFingerprint(mac.doFinal(
                    "holdfast.ingest.idempotency.fingerprint-key.v1".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Bean
    PaymentMethodConsultation paymentMethodConsultation(PaymentMethodCatalog paymentMethodCatalog, Clock clock,
            IngestProperties properties) {
        return new PaymentMethodConsultation(paymentMethodCatalog, clock, properties.consultCacheTtl(), 10_000);
    }

    @Bean
    MerchantDirectory merchantDirectory(IngestProperties properties) {
        return Merchants.directory(properties.merchants());
    }

    @Bean
    MerchantRateLimiter merchantRateLimiter(Clock clock, IngestProperties properties) {
        return Merchants.rateLimiter(clock, properties);
    }

    @Bean
    WebLimits webLimits(IngestProperties properties) {
        return new WebLimits(Math.toIntExact(properties.maxRequestSize().toBytes()));
    }

    @Bean
    ErrorResponses errorResponses(JsonMapper jsonMapper, IngestMetrics ingestMetrics) {
        return new ErrorResponses(jsonMapper, ingestMetrics);
    }

    /** Antom's notification URLs, served by reactor-netty ahead of WebFlux (Boot applies every such bean). */
    @Bean
    NotificationRoute notificationRoute(NotificationIngestion notificationIngestion, JsonMapper jsonMapper,
            WebLimits webLimits) {
        return new NotificationRoute(notificationIngestion, jsonMapper, webLimits);
    }

    @Bean
    MerchantGate merchantGate(MerchantDirectory merchantDirectory, MerchantRateLimiter merchantRateLimiter,
            ErrorResponses errorResponses, WebLimits webLimits) {
        return new MerchantGate(merchantDirectory, merchantRateLimiter, errorResponses, webLimits.maxRequestBytes());
    }

    private static String merchantKeyText(IngestProperties.Antom antom) throws IOException {
        String keyText = antom.merchantPrivateKeyFile() != null ? Files.readString(antom.merchantPrivateKeyFile())
                : antom.merchantPrivateKey();
        if (keyText == null || keyText.isBlank()) {
            throw new IllegalStateException("set holdfast.ingest.antom.merchant-private-key-file (or -key)");
        }
        return keyText;
    }

    private static List<X509Certificate> certificates(java.nio.file.Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read certificates from " + file, e);
        }
    }
}
