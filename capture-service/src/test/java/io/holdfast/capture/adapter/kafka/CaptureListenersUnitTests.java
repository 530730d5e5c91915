package io.holdfast.capture.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The consumer group is {@code spring.kafka.consumer.group-id} ({@code capture-service}), the group the KafkaUser
 * ACL and the KEDA ScaledObject name in deploy: a listener id must not become the group (spring-kafka's default
 * {@code idIsGroup = true}), or the broker refuses the group and capture-service consumes nothing.
 */
class CaptureListenersUnitTests {

    @Test
    void everyListenerConsumesInTheConfiguredGroupNotInOneNamedAfterItsId() {
        List<KafkaListener> listeners = Arrays.stream(CaptureListeners.class.getDeclaredMethods())
                .map((Method method) -> method.getAnnotation(KafkaListener.class))
                .filter(listener -> listener != null)
                .toList();

        assertThat(listeners).hasSize(3).allSatisfy(listener -> {
            assertThat(listener.idIsGroup()).as("idIsGroup of listener %s", listener.id()).isFalse();
            assertThat(listener.groupId()).as("groupId of listener %s", listener.id()).isEmpty();
        });
    }
}
