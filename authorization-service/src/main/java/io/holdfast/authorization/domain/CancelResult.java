package io.holdfast.authorization.domain;

import java.time.Instant;

/** What Antom said about a cancel. U and no answer are unknown: retry with the same parameters. */
public sealed interface CancelResult {

    /** The trigger this result fires. */
    PaymentTrigger trigger();

    /** Voided; {@code cancelledAt} is Antom's cancelTime. */
    record Cancelled(Instant cancelledAt) implements CancelResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.CANCEL_SUCCEEDED;
        }
    }

    /** Refused with a final F, e.g. CANCEL_WINDOW_EXCEED, or ORDER_STATUS_INVALID (already captured). */
    record Refused(String resultCode, String resultMessage) implements CancelResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.CANCEL_REFUSED;
        }
    }

    /** No verdict. */
    record Unknown(String reason) implements CancelResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.CANCEL_OUTCOME_UNKNOWN;
        }
    }
}
