package io.holdfast.authorization.it;

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
 * The one integration-test setup every {@code *IntegrationTests} class uses, so they all share one Spring context:
 * the whole service on a real (in-process KRaft) Kafka broker, real PostgreSQL and the Antom sandbox.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// a separate management server, as deployed (management.server.port=8081): the operational read API lives only there
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS, Topics.ALIPAY_NOTIFICATIONS,
                "payments.commands.DLT", "alipay.notifications.DLT"})
@ContextConfiguration(initializers = TestPropertiesInitializer.class)
@Import(TestBeans.class)
@interface AuthorizationServiceIntegrationTest {
}
