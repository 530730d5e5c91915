package io.holdfast.view.it;

import io.holdfast.messaging.testing.MutableClock;
import io.holdfast.view.PaymentViewApplication;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A second payment-view on the database and broker of a test's context, as the Deployment's second pod: a port and
 * a clock of its own (a {@link MutableClock} the test moves), its Kafka listener not started (the first replica
 * projects the events; either publishes the console's commands).
 */
final class SecondReplica implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final MutableClock clock;

    private SecondReplica(ConfigurableApplicationContext context, MutableClock clock) {
        this.context = context;
        this.clock = clock;
    }

    /** Starts it with {@code properties} (the first replica's database, broker, registry and users). */
    static SecondReplica start(Map<String, String> properties, Instant now) {
        MutableClock clock = new MutableClock(now);
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PaymentViewApplication.class)
                .initializers(c -> ((GenericApplicationContext) c).registerBean("replicaClock", Clock.class,
                        () -> clock, d -> ((AbstractBeanDefinition) d).setPrimary(true)))
                .run(args);
        return new SecondReplica(context, clock);
    }

    MutableClock clock() {
        return clock;
    }

    String base() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
