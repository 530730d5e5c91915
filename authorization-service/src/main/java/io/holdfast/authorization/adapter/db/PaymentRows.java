package io.holdfast.authorization.adapter.db;

import static io.holdfast.authorization.adapter.db.Sql.instant;
import static io.holdfast.authorization.adapter.db.Sql.text;

import io.holdfast.authorization.domain.CancelInitiator;
import io.holdfast.authorization.domain.CaptureMode;
import io.holdfast.authorization.domain.CardSummary;
import io.holdfast.authorization.domain.Cause;
import io.holdfast.authorization.domain.DeadlinePolicy;
import io.holdfast.authorization.domain.Money;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.PaymentTrigger;
import io.holdfast.authorization.domain.Transition;
import io.r2dbc.spi.Readable;
import java.time.Instant;

/** Maps rows of {@code payment} and {@code payment_transition} to the domain. */
final class PaymentRows {

    private PaymentRows() {
    }

    static Payment payment(Readable row) {
        Instant authorizedAt = instant(row, "authorized_at");
        Payment.Authorization authorization = authorizedAt == null ? null
                : new Payment.Authorization(authorizedAt, instant(row, "auth_expiry_time"), card(row));
        String resultCode = text(row, "result_code");
        String initiator = text(row, "cancel_initiator");
        Instant nextCheck = instant(row, "next_check_at");
        String policy = text(row, "deadline_policy");
        return new Payment(text(row, "payment_request_id"), text(row, "merchant_id"),
                PaymentStatus.valueOf(text(row, "status")),
                new Money(row.get("amount_minor", Long.class), text(row, "currency")),
                CaptureMode.valueOf(text(row, "capture_mode")), policy == null ? null : DeadlinePolicy.valueOf(policy),
                text(row, "fingerprint"), text(row, "payment_id"), authorization,
                resultCode == null ? null : new Payment.ResultInfo(resultCode, text(row, "result_message")),
                initiator == null ? null : new Payment.CancelOrder(CancelInitiator.valueOf(initiator),
                        text(row, "cancel_reason"), instant(row, "cancelled_at")),
                instant(row, "unresolved_since"),
                nextCheck == null ? null : new Payment.Reconciliation(row.get("reconcile_attempts", Integer.class),
                        nextCheck),
                instant(row, "created_at"), instant(row, "updated_at"), row.get("version", Long.class));
    }

    private static CardSummary card(Readable row) {
        String masked = text(row, "card_masked_no");
        String brand = text(row, "card_brand");
        if (masked == null && brand == null) {
            return null;
        }
        return new CardSummary(masked, brand, text(row, "card_funding"), text(row, "card_issuing_country"));
    }

    static Transition transition(Readable row) {
        String from = text(row, "from_status");
        String trigger = text(row, "trigger");
        return new Transition(from == null ? null : PaymentStatus.valueOf(from),
                PaymentStatus.valueOf(text(row, "to_status")), trigger == null ? null : PaymentTrigger.valueOf(trigger),
                new Cause(Cause.Kind.valueOf(text(row, "cause_kind")), text(row, "causation_id"), text(row, "detail")),
                instant(row, "occurred_at"));
    }
}
