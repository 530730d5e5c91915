package io.holdfast.ingest.domain.merchant;

import java.time.Duration;

/** Whether a request may proceed under its merchant's rate limit. */
public sealed interface RateDecision {

    RateDecision ALLOWED = new Allowed();

    /** Within the limit. */
    record Allowed() implements RateDecision {
    }

    /** Over the limit: answer 429 with {@code Retry-After} = {@link #retryAfterSeconds()}. */
    record Limited(Duration retryAfter) implements RateDecision {

        /** Whole seconds, rounded up, at least 1 ({@code Retry-After} takes seconds). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
