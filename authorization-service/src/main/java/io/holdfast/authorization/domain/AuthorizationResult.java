package io.holdfast.authorization.domain;

import java.time.Instant;

/**
 * What Antom said about an authorization, by pay response, notifyPayment or inquiryPayment, in our vocabulary.
 * Declined, unknown and never-created are three different things: a timeout is never a decline.
 */
public sealed interface AuthorizationResult {

    /** The trigger this result fires. */
    PaymentTrigger trigger();

    /** Authorized. {@code authorizedAt} is Antom's paymentTime; {@code authExpiryTime} may be null. */
    record Approved(String paymentId, Instant authorizedAt, Instant authExpiryTime, CardSummary card)
            implements AuthorizationResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.AUTHORIZATION_SUCCEEDED;
        }
    }

    /** The buyer must act (3-D Secure); {@code redirectUrl} may be null when Antom gave none (inquiry). */
    record InProcess(String paymentId, String redirectUrl, String schemeUrl, String applinkUrl)
            implements AuthorizationResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.AUTHORIZATION_IN_PROCESS;
        }
    }

    /** Refused with a final F. */
    record Declined(String paymentId, String resultCode, String resultMessage, AdvisedAction advisedAction)
            implements AuthorizationResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.AUTHORIZATION_FAILED;
        }
    }

    /**
     * Inquiry said ORDER_NOT_EXIST for a request that can no longer arrive at Antom: no payment was created, none
     * can be created any more, so nothing is held. A success that arrives anyway is voided.
     */
    record NeverCreated(String detail) implements AuthorizationResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.AUTHORIZATION_NEVER_CREATED;
        }
    }

    /** No verdict: U, timeout, 5xx, unverifiable response, or not sent. */
    record Unknown(String reason) implements AuthorizationResult {
        @Override
        public PaymentTrigger trigger() {
            return PaymentTrigger.AUTHORIZATION_OUTCOME_UNKNOWN;
        }
    }
}
