package io.holdfast.authorization.it;

import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.annotation.KafkaListener;

/** The movable clock, and listeners that collect what the service published. */
@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Clock.systemUTC().instant());
    }

    @Bean
    Published published() {
        return new Published();
    }

    /** Everything on payments.events and the dead-letter topics, as it arrives. */
    static final class Published {

        final List<PaymentEvent> events = new CopyOnWriteArrayList<>();
        final List<ConsumerRecord<String, byte[]>> commandDeadLetters = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "it-events", topics = "payments.events", groupId = "it-events")
        void onEvent(PaymentEvent event) {
            events.add(event);
        }

        @KafkaListener(id = "it-command-dlt", topics = "payments.commands.DLT", groupId = "it-dlt",
                properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
        void onDeadLetter(ConsumerRecord<String, byte[]> record) {
            commandDeadLetters.add(record);
        }

        final List<ConsumerRecord<String, byte[]>> notificationDeadLetters = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "it-notification-dlt", topics = "alipay.notifications.DLT", groupId = "it-dlt",
                properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
        void onNotificationDeadLetter(ConsumerRecord<String, byte[]> record) {
            notificationDeadLetters.add(record);
        }

        List<PaymentEvent> eventsFor(String paymentRequestId) {
            return events.stream().filter(e -> paymentRequestId.equals(e.getPaymentRequestId())).toList();
        }

    }
}
