package io.holdfast.messaging.config;

import io.holdfast.messaging.consumer.ConsumerErrorPolicy;
import io.holdfast.messaging.consumer.ConsumerRetryTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Gives every service that has spring-kafka on its classpath the one consumer error policy: the
 * {@link CommonErrorHandler} Spring Boot's listener container factory picks up, and the retry tracker (a retry
 * listener for the handler, a record interceptor for the factory, and the gauges). A service adds to it with a
 * {@link ConsumerErrorPolicyCustomizer} bean, never by defining its own error handler.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(ConsumerRetryProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConsumerRetryTracker consumerRetryTracker(ObjectProvider<MeterRegistry> meters) {
        return new ConsumerRetryTracker(meters.getIfAvailable(SimpleMeterRegistry::new), System::nanoTime);
    }

    @Bean
    ConsumerResumeScheduler consumerResumeScheduler() {
        return new ConsumerResumeScheduler();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler holdfastConsumerErrorHandler(ProducerFactory<Object, Object> producers,
            ConsumerRetryProperties properties, ConsumerRetryTracker tracker,
            KafkaListenerEndpointRegistry registry, ConsumerResumeScheduler resumes,
            ObjectProvider<ConsumerErrorPolicyCustomizer> customizers) {
        ConsumerErrorPolicy policy = new ConsumerErrorPolicy(properties.backoff());
        customizers.orderedStream().forEach(c -> c.customize(policy));
        var pausing = new ContainerPausingBackOffHandler(new ListenerContainerPauseService(registry,
                resumes.scheduler));
        return policy.errorHandler(ConsumerErrorPolicy.deadLetters(producers), pausing, tracker);
    }

    /**
     * Resumes paused consumers after their backoff. Its own scheduler, deliberately not a {@code TaskScheduler}
     * bean: one of those would become the service's {@code @Scheduled} scheduler.
     */
    static final class ConsumerResumeScheduler implements DisposableBean {

        private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

        ConsumerResumeScheduler() {
            scheduler.setThreadNamePrefix("holdfast-consumer-resume-");
            scheduler.setPoolSize(1);
            scheduler.initialize();
        }

        @Override
        public void destroy() {
            scheduler.shutdown();
        }
    }
}
