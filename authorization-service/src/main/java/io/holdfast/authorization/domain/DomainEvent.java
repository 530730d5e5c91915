package io.holdfast.authorization.domain;

import java.time.Instant;

/** The facts this service publishes on payments.events, in our vocabulary (the Avro contract is mapped at the edge). */
public sealed interface DomainEvent {

    /** Antom authorized the card; everything the capture-service needs. */
    record PaymentAuthorized(String paymentId, Money amount, CaptureMode captureMode, Instant authorizedAt,
            Instant authExpiryTime, DeadlinePolicy deadlinePolicy, CardSummary card) implements DomainEvent {
    }

    /** The buyer must pass 3-D Secure at {@code redirectUrl}. */
    record PaymentActionRequired(String paymentId, String redirectUrl, String schemeUrl, String applinkUrl)
            implements DomainEvent {
    }

    /** Antom refused the authorization (or it provably never existed). */
    record PaymentDeclined(String resultCode, String resultMessage, AdvisedAction advisedAction) implements DomainEvent {
    }

    /** The authorization is void. */
    record AuthorizationCancelled(Instant cancelledAt, CancelInitiator initiator, String reason) implements DomainEvent {
    }

    /** Antom refused the cancel; refund instead. */
    record CancelFailed(String resultCode, String resultMessage) implements DomainEvent {
    }

    /** A command was refused without calling Antom. */
    record CommandRejected(String commandId, RejectionReason reason, String field, String message)
            implements DomainEvent {
    }
}
