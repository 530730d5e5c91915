package io.holdfast.authorization.adapter.kafka;

import io.holdfast.authorization.adapter.db.OutboxEncoder;
import io.holdfast.authorization.application.OutboundEvent;
import io.holdfast.authorization.domain.CardSummary;
import io.holdfast.authorization.domain.DomainEvent;
import io.holdfast.authorization.domain.Money;
import io.holdfast.schemas.common.AdvisedAction;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CancelFailed;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Maps domain events onto the Avro contract ({@code PaymentEvent} envelopes) and keeps them in the outbox as plain
 * Avro binary of the current schema, which the relay sends as it is, framed as the registry-aware serializer frames the
 * record (messaging's {@code StoredAvro.publisher}).
 */
public final class AvroEventCodec implements OutboxEncoder {

    @Override
    public String eventType(OutboundEvent event) {
        return event.payload().getClass().getSimpleName();
    }

    @Override
    public byte[] encode(OutboundEvent event) {
        PaymentEvent envelope = toAvro(event);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(PaymentEvent.class).write(envelope, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static PaymentEvent toAvro(OutboundEvent event) {
        return PaymentEvent.newBuilder().setEventId(event.eventId().toString())
                .setPaymentRequestId(event.paymentRequestId() == null ? "" : event.paymentRequestId())
                .setPaymentId(event.paymentId()).setMerchantId(event.merchantId())
                .setOccurredAt(event.occurredAt()).setCausationId(event.causationId())
                .setPayload(payload(event.payload())).build();
    }

    private static Object payload(DomainEvent event) {
        if (event instanceof DomainEvent.PaymentAuthorized e) {
            return PaymentAuthorized.newBuilder().setPaymentId(e.paymentId()).setAmount(money(e.amount()))
                    .setCaptureMode(CaptureMode.valueOf(e.captureMode().name())).setAuthorizedAt(e.authorizedAt())
                    .setAuthExpiryTime(e.authExpiryTime())
                    .setDeadlinePolicy(e.deadlinePolicy() == null ? null : DeadlinePolicy.valueOf(e.deadlinePolicy().name()))
                    .setCard(card(e.card())).build();
        }
        if (event instanceof DomainEvent.PaymentActionRequired e) {
            return PaymentActionRequired.newBuilder().setPaymentId(e.paymentId()).setRedirectUrl(e.redirectUrl())
                    .setSchemeUrl(e.schemeUrl()).setApplinkUrl(e.applinkUrl()).build();
        }
        if (event instanceof DomainEvent.PaymentDeclined e) {
            return PaymentDeclined.newBuilder().setResultCode(e.resultCode()).setResultMessage(e.resultMessage())
                    .setAdvisedAction(AdvisedAction.valueOf(e.advisedAction().name())).build();
        }
        if (event instanceof DomainEvent.AuthorizationCancelled e) {
            return AuthorizationCancelled.newBuilder().setCancelledAt(e.cancelledAt())
                    .setInitiator(CancelInitiator.valueOf(e.initiator().name())).setReason(e.reason()).build();
        }
        if (event instanceof DomainEvent.CancelFailed e) {
            return CancelFailed.newBuilder().setResultCode(e.resultCode()).setResultMessage(e.resultMessage()).build();
        }
        if (event instanceof DomainEvent.CommandRejected e) {
            return CommandRejected.newBuilder().setCommandId(e.commandId())
                    .setReason(RejectionReason.valueOf(e.reason().name())).setField(e.field())
                    .setMessage(e.message()).build();
        }
        throw new IllegalStateException("unhandled " + event);
    }

    private static io.holdfast.schemas.common.Money money(Money money) {
        return new io.holdfast.schemas.common.Money(money.valueMinor(), money.currency());
    }

    private static io.holdfast.schemas.common.CardSummary card(CardSummary card) {
        return card == null ? null : new io.holdfast.schemas.common.CardSummary(card.maskedCardNo(), card.cardBrand(),
                card.funding(), card.issuingCountry());
    }
}
