package io.holdfast.capture.domain;

import java.util.List;

/** The answer of an inquiry about a payment's captures. */
public sealed interface CaptureLookup {

    /** Antom answered: these are the payment's CAPTURE transactions (possibly none). */
    record Answered(List<CaptureTransaction> captures) implements CaptureLookup {
        public Answered {
            captures = List.copyOf(captures);
        }
    }

    /** The inquiry itself had no answer (timeout, U, ...): ask again later. */
    record Unanswered(String detail) implements CaptureLookup {
    }
}
