package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.RejectionReason;

/** What became of a command. */
public sealed interface CommandOutcome {

    /** Accepted and acted upon; {@code status} is where the payment ended up. */
    record Accepted(PaymentStatus status) implements CommandOutcome {
    }

    /** The commandId was processed before: nothing changed, nothing was emitted. */
    record Duplicate() implements CommandOutcome {
    }

    /** Refused without calling Antom; a CommandRejected event was emitted. */
    record Rejected(RejectionReason reason, String field, String message) implements CommandOutcome {
    }

    /** Nothing to do (e.g. a cancel of a payment already being cancelled); logged. */
    record Ignored(String why) implements CommandOutcome {
    }
}
