package io.holdfast.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdempotencyStoreUnitTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final IdempotencyStore store = new IdempotencyStore(clock, Duration.ofHours(24), 100);
    private final CommandResult accepted = new CommandResult.Accepted("c1", "acme-1", "CANCEL", null);

    @Test
    void aFinalAnswerIsReplayedForTheSameContentAndConflictsForOther() {
        IdempotencyStore.Fresh fresh = (IdempotencyStore.Fresh) store.claim("acme", "k", "fp1");
        assertThat(store.claim("acme", "k", "fp1")).isInstanceOf(IdempotencyStore.InProgress.class);
        store.complete(fresh, accepted);

        assertThat(store.claim("acme", "k", "fp1")).isEqualTo(new IdempotencyStore.Replay(accepted));
        assertThat(store.claim("acme", "k", "fp2")).isInstanceOf(IdempotencyStore.Conflict.class);
        assertThat(store.claim("globex", "k", "fp2")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void anAnswerThatMayChangeReleasesTheKey() {
        IdempotencyStore.Fresh fresh = (IdempotencyStore.Fresh) store.claim("acme", "k", "fp1");
        store.complete(fresh, new CommandResult.NotStored("down"));

        assertThat(store.claim("acme", "k", "fp1")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void recordsExpireAfterTheTtl() {
        store.complete((IdempotencyStore.Fresh) store.claim("acme", "k", "fp1"), accepted);
        clock.advance(Duration.ofHours(25));

        assertThat(store.claim("acme", "k", "fp2")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void theCommandIdIsStablePerMerchantAndKey() {
        assertThat(CommandIntake.commandId("acme", "k")).isEqualTo(CommandIntake.commandId("acme", "k"))
                .isNotEqualTo(CommandIntake.commandId("globex", "k"));
    }

    /** A clock tests move forward by hand; it refuses to go back. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            if (by.isNegative()) {
                throw new IllegalArgumentException("time only moves forward");
            }
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
