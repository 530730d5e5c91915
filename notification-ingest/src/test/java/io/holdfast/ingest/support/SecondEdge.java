package io.holdfast.ingest.support;

import io.holdfast.ingest.NotificationIngestApplication;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another edge replica (or the same one after a restart): a second application context on its own port, with the
 * same configuration and the same Kafka broker as the shared test application, and no memory of its requests.
 */
public final class SecondEdge implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondEdge(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondEdge start(String bootstrapServers) {
        Map<String, Object> p = IngestTestEnvironment.common();
        p.put("server.port", "0");
        p.put("spring.kafka.bootstrap-servers", bootstrapServers);
        // as command-line arguments: they override application.yml (default properties would not)
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SecondEdge edge = new SecondEdge(new SpringApplicationBuilder(NotificationIngestApplication.class).run(args));
        // as Kubernetes would: no traffic before the readiness probe says so
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> edge.api().http().get()
                .uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        return edge;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public MerchantApi api() {
        return new MerchantApi(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
