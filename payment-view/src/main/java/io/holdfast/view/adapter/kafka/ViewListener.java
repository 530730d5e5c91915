package io.holdfast.view.adapter.kafka;

import io.holdfast.messaging.consumer.InvalidRecordException;
import io.holdfast.schemas.Topics;
import io.holdfast.view.application.ProjectEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Consumes payments.events (and nothing else) in the group {@code spring.kafka.consumer.group-id}, read generically
 * so an event type from a newer schema is kept too. Errors follow messaging's shared consumer error policy: a
 * transient failure (the database) is retried until it ends; an envelope without eventId, paymentRequestId or a
 * record payload is dead-lettered. On a rebuild ({@code holdfast.view.rebuild=true}, the tables truncated before
 * this listener starts) every partition is read again from its earliest offset once.
 */
final class ViewListener implements ConsumerSeekAware {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ProjectEvent project;
    private final boolean rebuild;
    private final Set<TopicPartition> rewound = ConcurrentHashMap.newKeySet();

    ViewListener(ProjectEvent project, boolean rebuild) {
        this.project = project;
        this.rebuild = rebuild;
    }

    @KafkaListener(id = "payment-view-events", topics = Topics.PAYMENTS_EVENTS, idIsGroup = false)
    void onEvent(ConsumerRecord<String, GenericRecord> record) {
        String at = record.topic() + "-" + record.partition() + "@" + record.offset();
        project.project(InvalidRecordException.mapping("event at " + at, () -> EventMapper.entry(record.value())))
                .block(TIMEOUT);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!rebuild) {
            return;
        }
        for (TopicPartition partition : assignments.keySet()) {
            if (rewound.add(partition)) {
                callback.seekToBeginning(Set.of(partition));
            }
        }
    }
}
