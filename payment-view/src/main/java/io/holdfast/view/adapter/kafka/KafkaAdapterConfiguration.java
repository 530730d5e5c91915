package io.holdfast.view.adapter.kafka;

import io.holdfast.view.application.CommandPublisher;
import io.holdfast.view.application.ProjectEvent;
import io.holdfast.view.application.ViewStore;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the Kafka adapters: the payments.events listener and the console's command publisher. On a rebuild
 * ({@code holdfast.view.rebuild=true}) the view's tables are truncated before the listener is created.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaAdapterConfiguration {

    @Bean
    ViewListener viewListener(ProjectEvent project, ViewStore store,
            @Value("${holdfast.view.rebuild:false}") boolean rebuild) {
        if (rebuild) {
            store.truncate().block();
        }
        return new ViewListener(project, rebuild);
    }

    @Bean
    CommandPublisher commandPublisher(KafkaTemplate<String, SpecificRecord> kafka) {
        return new KafkaCommandPublisher(kafka);
    }
}
