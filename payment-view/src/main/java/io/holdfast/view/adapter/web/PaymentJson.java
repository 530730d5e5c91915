package io.holdfast.view.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.RefundTotals;
import java.time.Instant;
import java.util.List;

/** A payment as the read API answers it (the edge passes it on to the merchant unchanged). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentJson(String paymentRequestId, String paymentId, String merchantId, String status, Amount amount,
        String captureMode, Card card, String captureDeadline, String deadlinePolicy, int deadlineWarningsSent,
        Refunds refunds, String createdAt, String updatedAt) {

    /** Money in minor units. */
    record Amount(long valueMinor, String currency) {
    }

    /** The masked card summary. */
    record Card(String maskedCardNo, String brand) {
    }

    /** Refund totals in minor units of the captured currency. */
    record Refunds(long captured, long refunded, long pending, long refundable) {
    }

    /** A page of payments; {@code nextCursor} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<PaymentJson> items, String nextCursor) {
    }

    static PaymentJson of(PaymentView v) {
        RefundTotals r = v.refunds();
        return new PaymentJson(v.ids().paymentRequestId(), v.ids().paymentId(), v.ids().merchantId(),
                v.status().name(), v.amount() == null ? null : new Amount(v.amount().valueMinor(),
                        v.amount().currency()), v.captureMode(),
                v.card() == null ? null : new Card(v.card().maskedCardNo(), v.card().brand()),
                iso(v.deadline().at()), v.deadline().policy(), v.deadline().warningsSent(),
                r == null ? null : new Refunds(r.capturedMinor(), r.refundedMinor(), r.pendingMinor(),
                        r.refundableMinor()), iso(v.times().createdAt()), iso(v.times().updatedAt()));
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
