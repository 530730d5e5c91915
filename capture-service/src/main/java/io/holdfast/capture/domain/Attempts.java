package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * What the row remembers of its capture attempts beyond the first ({@code captureRequestedAt}).
 *
 * @param lastAttemptAt when the latest attempt row was written, i.e. the latest moment a capture may have been sent
 *     from; the database refuses one at or after the deadline. Null before the first attempt.
 * @param unknownSeen true once the capture's outcome was unknown (timeout, U, a crash with the attempt in flight, a
 *     re-send): from then on a refusal is verified by an inquiry before CaptureFailed is published
 */
public record Attempts(Instant lastAttemptAt, boolean unknownSeen) {

    /** No attempt yet. */
    public static final Attempts NONE = new Attempts(null, false);

    /** A new attempt at {@code at}; a re-send (not the first attempt) means an earlier one had no known outcome. */
    public Attempts attemptedAt(Instant at, boolean resend) {
        return new Attempts(at, unknownSeen || resend);
    }

    /** The capture's outcome is unknown for now. */
    public Attempts unknown() {
        return new Attempts(lastAttemptAt, true);
    }
}
