package io.holdfast.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.messaging.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyStoreUnitTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final IdempotencyStore store = new IdempotencyStore(clock, Duration.ofHours(24), 100);
    private final CommandResult accepted = new CommandResult.Accepted("c1", "acme-1", "CANCEL", null);

    @Test
    void aFinalAnswerIsReplayedForTheSameContentAndConflictsForOther() {
        IdempotencyStore.Fresh fresh = (IdempotencyStore.Fresh) store.claim("c1", "fp1");
        assertThat(store.claim("c1", "fp1")).isInstanceOf(IdempotencyStore.InProgress.class);
        assertThat(store.complete(fresh, accepted)).hasValueSatisfying(record -> {
            assertThat(record.commandId()).isEqualTo("c1");
            assertThat(record.fingerprint()).isEqualTo("fp1");
            assertThat(record.recordedAt()).isEqualTo(clock.instant());
        });

        assertThat(store.claim("c1", "fp1")).isEqualTo(new IdempotencyStore.Replay(accepted));
        assertThat(store.claim("c1", "fp2")).isInstanceOf(IdempotencyStore.Conflict.class);
        assertThat(store.claim("c2", "fp2")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void anAnswerThatMayChangeReleasesTheKeyAndIsNotShared() {
        IdempotencyStore.Fresh fresh = (IdempotencyStore.Fresh) store.claim("c1", "fp1");
        assertThat(store.complete(fresh, new CommandResult.NotStored("down"))).isEmpty();

        assertThat(store.claim("c1", "fp1")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void recordsExpireAfterTheTtl() {
        store.complete((IdempotencyStore.Fresh) store.claim("c1", "fp1"), accepted);
        clock.advance(Duration.ofHours(25));

        assertThat(store.claim("c1", "fp2")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void aSharedRecordGivesTheSameAnswersAsALocalOneUntilItsOwnTtlEnds() {
        store.remember(new IdempotencyRecord("c1", "fp1", accepted, clock.instant().minus(Duration.ofHours(20))));

        assertThat(store.claim("c1", "fp1")).isEqualTo(new IdempotencyStore.Replay(accepted));
        assertThat(store.claim("c1", "fp2")).isInstanceOf(IdempotencyStore.Conflict.class);
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        assertThat(store.claim("c1", "fp2")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void anExpiredSharedRecordIsSkipped() {
        store.remember(new IdempotencyRecord("c1", "fp1", accepted, clock.instant().minus(Duration.ofHours(24))));

        assertThat(store.claim("c1", "fp2")).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void theFirstFinalRecordOfAScopeWinsAndARunningRequestIsLeftToFinish() {
        store.complete((IdempotencyStore.Fresh) store.claim("c1", "fp1"), accepted);
        store.remember(new IdempotencyRecord("c1", "fp2", accepted, clock.instant()));
        assertThat(store.claim("c1", "fp1")).isEqualTo(new IdempotencyStore.Replay(accepted));

        IdempotencyStore.Fresh running = (IdempotencyStore.Fresh) store.claim("c2", "fp1");
        store.remember(new IdempotencyRecord("c2", "fp2", accepted, clock.instant()));
        assertThat(store.claim("c2", "fp1")).isInstanceOf(IdempotencyStore.InProgress.class);
        store.complete(running, accepted);
        assertThat(store.claim("c2", "fp1")).isEqualTo(new IdempotencyStore.Replay(accepted));
    }

    @Test
    void nothingIsClaimedWhileTheSharedRecordsAreBeingRead() {
        store.markLoading();
        assertThat(store.claim("c1", "fp1")).isInstanceOf(IdempotencyStore.NotLoaded.class);
        store.remember(new IdempotencyRecord("c1", "fp1", accepted, clock.instant()));
        store.markLoaded();

        assertThat(store.claim("c1", "fp2")).isInstanceOf(IdempotencyStore.Conflict.class);
    }
}
