package io.holdfast.authorization.domain;

import java.time.Instant;

/** Fixtures for payments in each state. */
final class Payments {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Cause COMMAND = new Cause(Cause.Kind.COMMAND, "cmd-1", "AuthorizePayment");
    static final Cause PAY = new Cause(Cause.Kind.PAY_RESPONSE, "pr-1", "pay");

    private Payments() {
    }

    static NewPayment newPayment() {
        return new NewPayment("pr-1", null, new Money(1999, "USD"), CaptureMode.MANUAL, DeadlinePolicy.VOID, "fp-1");
    }

    static Payment requested() {
        return Payment.request(newPayment(), COMMAND, T0).payment();
    }

    static Payment in(PaymentStatus status) {
        return switch (status) {
            case AUTH_REQUESTED -> requested();
            case AUTH_PENDING -> moved(requested().apply(inProcess(), PAY, T0));
            case AUTHORIZED -> moved(requested().apply(approved(), PAY, T0));
            case AUTH_DECLINED -> moved(requested().apply(declined(), PAY, T0));
            case AUTH_UNKNOWN -> moved(requested().apply(new AuthorizationResult.Unknown("TIMEOUT"), PAY, T0));
            case CANCEL_REQUESTED -> moved(in(PaymentStatus.AUTHORIZED)
                    .orderCancel(CancelInitiator.MERCHANT, "buyer changed mind", COMMAND, T0));
            case CANCEL_UNKNOWN -> moved(in(PaymentStatus.CANCEL_REQUESTED)
                    .apply(new CancelResult.Unknown("TIMEOUT"), PAY, T0));
            case VOIDED -> moved(in(PaymentStatus.CANCEL_REQUESTED).apply(new CancelResult.Cancelled(T0), PAY, T0));
            case CANCEL_FAILED -> moved(in(PaymentStatus.CANCEL_REQUESTED)
                    .apply(new CancelResult.Refused("CANCEL_WINDOW_EXCEED", "too late"), PAY, T0));
        };
    }

    static AuthorizationResult.Approved approved() {
        return new AuthorizationResult.Approved("ap-1", T0, T0.plusSeconds(7 * 86400),
                new CardSummary("405469******0768", "VISA", "CREDIT", "US"));
    }

    static AuthorizationResult.InProcess inProcess() {
        return new AuthorizationResult.InProcess("ap-1", "https://3ds.example/challenge", null, null);
    }

    static AuthorizationResult.Declined declined() {
        return new AuthorizationResult.Declined("ap-1", "DO_NOT_HONOR", "issuer declined",
                AdvisedAction.TRY_ANOTHER_PAYMENT_METHOD);
    }

    static Payment moved(Decision decision) {
        if (decision instanceof Decision.Transitioned transitioned) {
            return transitioned.payment();
        }
        throw new AssertionError("expected a transition, got " + decision);
    }
}
