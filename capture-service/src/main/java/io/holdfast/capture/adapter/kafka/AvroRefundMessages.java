package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.RefundMessages;
import io.holdfast.capture.domain.RefundAdvice;
import io.holdfast.capture.domain.RefundEvent;
import io.holdfast.capture.domain.RefundTotals;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.common.AdvisedAction;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RefundFailed;
import io.holdfast.schemas.event.RefundRequested;
import io.holdfast.schemas.event.RefundSucceeded;
import io.holdfast.schemas.event.RejectionReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Maps refund events to the Avro contract (payments.events v3) and encodes them for the outbox. */
final class AvroRefundMessages implements RefundMessages {

    @Override
    public OutboundMessages.Message encode(UUID id, RefundEvent event, String merchantId, String causationId,
            Instant occurredAt) {
        SpecificRecord payload;
        String paymentId;
        if (event instanceof RefundEvent.Requested e) {
            payload = new RefundRequested(e.paymentId(), e.refundRequestId(), e.refundId(), e.captureId(),
                    AvroOutboundMessages.money(e.amount()), e.reason(), totals(e.totals()));
            paymentId = e.paymentId();
        } else if (event instanceof RefundEvent.Succeeded e) {
            payload = new RefundSucceeded(e.paymentId(), e.refundRequestId(), e.refundId(),
                    AvroOutboundMessages.money(e.amount()), e.refundedAt(), totals(e.totals()));
            paymentId = e.paymentId();
        } else if (event instanceof RefundEvent.Failed e) {
            payload = new RefundFailed(e.paymentId(), e.refundRequestId(), AvroOutboundMessages.money(e.amount()),
                    e.resultCode(), e.resultMessage(), advice(e.advice()), totals(e.totals()));
            paymentId = e.paymentId();
        } else if (event instanceof RefundEvent.Rejected e) {
            payload = new CommandRejected(e.commandId(), RejectionReason.valueOf(e.reason().name()), e.field(),
                    e.message(), e.advice());
            paymentId = e.paymentId();
        } else {
            throw new IllegalStateException("unhandled " + event);
        }
        PaymentEvent envelope = new PaymentEvent(id.toString(), event.paymentRequestId(), paymentId, merchantId,
                occurredAt, causationId, payload);
        return new OutboundMessages.Message(Topics.PAYMENTS_EVENTS, event.paymentRequestId(),
                payload.getSchema().getName(), bytes(envelope));
    }

    private static io.holdfast.schemas.common.RefundTotals totals(RefundTotals t) {
        String currency = t.captured().currency();
        return new io.holdfast.schemas.common.RefundTotals(AvroOutboundMessages.money(t.captured()),
                new Money(t.refundedMinor(), currency), new Money(t.pendingMinor(), currency),
                new Money(t.refundableMinor(), currency));
    }

    private static AdvisedAction advice(RefundAdvice advice) {
        if (advice == null) {
            return AdvisedAction.UNSPECIFIED;
        }
        return switch (advice) {
            case NONE -> AdvisedAction.NONE;
            case RETRY_SAME_REQUEST -> AdvisedAction.RETRY_SAME_REQUEST;
            case RETRY_WITH_NEW_REQUEST_ID -> AdvisedAction.RETRY_WITH_NEW_REQUEST_ID;
            case FIX_REQUEST -> AdvisedAction.FIX_REQUEST;
            case DO_NOT_RETRY -> AdvisedAction.DO_NOT_RETRY;
            case CONTACT_SUPPORT -> AdvisedAction.CONTACT_SUPPORT;
            case UNSPECIFIED -> AdvisedAction.UNSPECIFIED;
        };
    }

    private static byte[] bytes(PaymentEvent e) {
        try {
            ByteBuffer buffer = e.toByteBuffer();
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
