package io.holdfast.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class ConsumerErrorPolicyUnitTests {

    static final class Rejected extends PermanentRecordException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("rejected");
        }
    }

    private final ConsumerErrorPolicy policy = new ConsumerErrorPolicy(ConsumerErrorPolicy.Backoff.DEFAULT);

    @Test
    void aTransientFailureIsRetriedWithoutLimitAndTheIntervalIsCapped() {
        BackOffExecution execution = policy.backOffFor(new RuntimeException(new SQLTransientConnectionException()))
                .start();
        long total = 0;
        long last = 0;
        // a week of attempts: the old policies gave up after 3 s (capture) and 60 s (authorization)
        for (int attempt = 0; total < Duration.ofDays(7).toMillis(); attempt++) {
            last = execution.nextBackOff();
            assertThat(last).as("attempt %s", attempt).isNotEqualTo(BackOffExecution.STOP);
            total += last;
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(30).toMillis());
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        assertThat(policy.backOffFor(new RuntimeException(new Rejected())).start().nextBackOff())
                .isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void theBackoffIsValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConsumerErrorPolicy.Backoff(Duration.ZERO, 2,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        BackOff ok = new ConsumerErrorPolicy(new ConsumerErrorPolicy.Backoff(Duration.ofMillis(10), 1.0,
                Duration.ofMillis(10))).backOffFor(new IllegalStateException());
        assertThat(ok.start().nextBackOff()).isEqualTo(10);
    }
}
