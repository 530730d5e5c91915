package io.holdfast.capture.it;

import io.holdfast.schemas.Topics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The integration-test setup the flow classes share ({@link Scenario} is the fixture they drive), so they share one
 * Spring context: the whole service on a real (in-process KRaft) Kafka broker, real PostgreSQL (database
 * {@code capture_it}) and the Antom sandbox, whose clock moves with the service's; cadences test-sized. A class that
 * needs other settings adds {@code @TestPropertySource} (which wins over these) with a database of its own
 * ({@link Scenario#DATABASE_PROPERTY}): two live contexts on one database would relay each other's outbox.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.scheduler.metrics-interval=500ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.capture.refunds.poll-interval=200ms",
        // long, so an AUTOMATIC capture confirmed in these tests was confirmed by notifyCapture, not by inquiry
        "holdfast.capture.policy.auto-capture-grace=1h",
        "holdfast.alipay.timeout=3s",
        "holdfast.capture.command-parking.check-interval=200ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
@ContextConfiguration(initializers = Scenario.Infrastructure.class)
@Import(Scenario.Beans.class)
@interface CaptureServiceIntegrationTest {
}
