package io.holdfast.ingest.support;

import io.holdfast.ingest.NotificationIngestApplication;
import io.holdfast.schemas.Topics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * One shared application context for the integration tests: the real server on a fixed free port, a real Kafka broker
 * (KRaft, in-process), the embedded schema registry and the Antom sandbox.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = NotificationIngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@EmbeddedKafka(partitions = 1, topics = {Topics.ALIPAY_NOTIFICATIONS, Topics.PAYMENTS_COMMANDS, "holdfast.idempotency"})
@ContextConfiguration(initializers = IngestTestEnvironment.class)
public @interface IngestIntegrationTest {
}
