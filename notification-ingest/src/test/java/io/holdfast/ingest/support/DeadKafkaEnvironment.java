package io.holdfast.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Like {@link IngestTestEnvironment}, but Kafka's bootstrap address has no broker and the producer gives up fast. */
public class DeadKafkaEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> p = IngestTestEnvironment.common();
        p.put("server.port", "0");
        p.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + closedPort());
        p.put("spring.kafka.producer.properties.max.block.ms", "1000");
        p.put("spring.kafka.producer.properties.request.timeout.ms", "1000");
        p.put("spring.kafka.producer.properties.delivery.timeout.ms", "1500");
        p.put("spring.kafka.producer.properties.linger.ms", "0");
        p.put("holdfast.ingest.publish-timeout", "5s");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dead-kafka-test", p));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
