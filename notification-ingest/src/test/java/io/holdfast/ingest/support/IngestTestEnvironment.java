package io.holdfast.ingest.support;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.ingest.application.MerchantDirectory;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the shared {@link TestWorld} (registry, sandbox, keys) and the embedded Kafka broker,
 * and configures the test merchants.
 */
public class IngestTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> p = common();
        p.put("server.port", TestWorld.appPort());
        p.put("spring.kafka.bootstrap-servers", "${spring.embedded.kafka.brokers}");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ingest-test", p));
    }

    /** Everything but Kafka and the port. */
    static Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.kafka.producer.properties.schema.registry.url", TestWorld.registry().url());
        p.put("holdfast.ingest.antom.client-id", TestWorld.CLIENT_ID);
        p.put("holdfast.ingest.antom.alipay-public-keys.1", AlipayKeys.toBase64(TestWorld.ANTOM_KEYS.getPublic()));
        p.put("holdfast.ingest.antom.merchant-private-key", AlipayKeys.toBase64(TestWorld.MERCHANT_KEYS.getPrivate()));
        p.put("holdfast.ingest.antom.gateway-url", TestWorld.sandbox().baseUrl());
        p.put("holdfast.ingest.antom.allow-plain-http", "true");
        p.put("holdfast.ingest.antom.vaulting-notification-url",
                "http://localhost:" + TestWorld.appPort() + "/alipay/notifications/vaulting");
        p.put("holdfast.ingest.antom.vaulting-redirect-url", "https://shop.example/cards/verified");
        p.put("holdfast.ingest.payment-view.url", FakePaymentView.url());
        p.put("holdfast.ingest.payment-view.username", FakePaymentView.USERNAME);
        p.put("holdfast.ingest.payment-view.password", FakePaymentView.PASSWORD);
        merchant(p, 0, "acme", ApiKeys.ACME, null);
        merchant(p, 1, "globex", ApiKeys.GLOBEX, null);
        merchant(p, 2, "lookout", ApiKeys.LOOKOUT, "payment-methods:consult");
        merchant(p, 3, "trickle", ApiKeys.TRICKLE, null);
        merchant(p, 4, "fuzz", ApiKeys.FUZZ, null);
        p.put("holdfast.ingest.merchants[4].rate-limit.capacity", "1000000");
        p.put("holdfast.ingest.merchants[4].rate-limit.refill-per-second", "1000000");
        // messaging is on the test classpath for the fuzz tests' RecordRules only: the edge has no Kafka listener
        p.put("spring.autoconfigure.exclude", "io.holdfast.messaging.config.MessagingAutoConfiguration");
        p.put("holdfast.ingest.merchants[3].rate-limit.capacity", "2");
        p.put("holdfast.ingest.merchants[3].rate-limit.refill-per-second", "0.001");
        return p;
    }

    private static void merchant(Map<String, Object> p, int i, String id, String key, String scopes) {
        p.put("holdfast.ingest.merchants[" + i + "].id", id);
        p.put("holdfast.ingest.merchants[" + i + "].api-key-sha256", MerchantDirectory.sha256Hex(key));
        if (scopes != null) {
            p.put("holdfast.ingest.merchants[" + i + "].scopes", scopes);
        }
    }
}
