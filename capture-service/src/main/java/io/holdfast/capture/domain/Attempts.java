package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * What the row remembers of its capture attempts beyond the first ({@code captureRequestedAt}).
 *
 * @param lastAttemptAt when the latest attempt row was written, i.e. the latest moment a capture may have been sent
 *     from; the database refuses one at or after the deadline. Null before the first attempt.
 */
public record Attempts(Instant lastAttemptAt) {

    /** No attempt yet. */
    public static final Attempts NONE = new Attempts(null);

    /** A new attempt at {@code at}. */
    public Attempts attemptedAt(Instant at) {
        return new Attempts(at);
    }
}
