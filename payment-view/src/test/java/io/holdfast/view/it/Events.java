package io.holdfast.view.it;

import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.CardSummary;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** payments.events fixtures for one payment, as the services publish them. */
final class Events {

    private Events() {
    }

    static PaymentEvent envelope(String prId, String merchantId, Instant at, Object payload) {
        return PaymentEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPaymentRequestId(prId)
                .setPaymentId("pay-" + prId).setMerchantId(merchantId).setOccurredAt(at).setCausationId(null)
                .setPayload(payload).build();
    }

    static PaymentEvent authorized(String prId, String merchantId, Instant at, Instant deadline, long minor) {
        return envelope(prId, merchantId, at, PaymentAuthorized.newBuilder().setPaymentId("pay-" + prId)
                .setAmount(new Money(minor, "USD")).setCaptureMode(CaptureMode.MANUAL).setAuthorizedAt(at)
                .setAuthExpiryTime(deadline).setDeadlinePolicy(DeadlinePolicy.CAPTURE)
                .setCard(CardSummary.newBuilder().setMaskedCardNo("405469******0768").setCardBrand("VISA")
                        .setFunding("CREDIT").setIssuingCountry("SG").build())
                .build());
    }

    static PaymentEvent warning(String prId, String merchantId, Instant at, Instant deadline, long minor) {
        return envelope(prId, merchantId, at, CaptureDeadlineApproaching.newBuilder().setPaymentId("pay-" + prId)
                .setAmount(new Money(minor, "USD")).setDeadline(deadline)
                .setOffsetMillis(Duration.between(at, deadline).toMillis()).setPolicy(DeadlinePolicy.CAPTURE)
                .build());
    }

    static PaymentEvent captured(String prId, String merchantId, Instant at, long minor) {
        return envelope(prId, merchantId, at, CaptureSucceeded.newBuilder().setPaymentId("pay-" + prId)
                .setCaptureRequestId("cap-" + prId).setCaptureId("capid-" + prId).setAmount(new Money(minor, "USD"))
                .setCapturedAt(at).setCaptureMode(CaptureMode.MANUAL).setCorrectsEventId(null).build());
    }
}
