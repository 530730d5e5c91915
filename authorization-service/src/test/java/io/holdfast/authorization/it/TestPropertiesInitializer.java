package io.holdfast.authorization.it;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service at the shared infrastructure and makes its cadences test-sized. */
final class TestPropertiesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infra = TestInfrastructure.get();
        TestPropertyValues.of(
                "spring.r2dbc.url=" + infra.r2dbcUrl(),
                "spring.r2dbc.username=postgres",
                "spring.r2dbc.password=postgres",
                "spring.flyway.url=" + infra.jdbcUrl(),
                "spring.flyway.user=postgres",
                "spring.flyway.password=postgres",
                "spring.kafka.properties.schema.registry.url=" + infra.registry.url(),
                "holdfast.alipay.base-url=" + infra.sandbox.baseUrl(),
                "holdfast.alipay.client-id=" + TestInfrastructure.CLIENT_ID,
                "holdfast.alipay.merchant-private-key=" + infra.merchantPrivateKey(),
                "holdfast.alipay.alipay-public-key=" + infra.sandboxPublicKey(),
                "holdfast.alipay.notify-url=" + infra.notifications.url(),
                "holdfast.alipay.allow-plain-http=true",
                "holdfast.alipay.timeout=1500ms",
                "holdfast.authorization.reconcile.backoff=1s,10s",
                "holdfast.authorization.reconcile.in-flight-grace=5s",
                "holdfast.authorization.reconcile.give-up-after=1h",
                "holdfast.authorization.reconcile.never-created-after=5m",
                "holdfast.authorization.reconcile.poll-interval=100ms",
                "holdfast.authorization.outbox.poll-interval=50ms",
                "holdfast.authorization.metrics-refresh=200ms",
                "spring.kafka.consumer.properties.max.poll.interval.ms=60000")
                .applyTo(context);
    }
}
