package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.CaptureMode;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Money;
import io.holdfast.messaging.avro.AvroBinary;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.DeadlinePolicyChanged;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/** Maps the domain's events to the Avro contract and encodes them (Avro binary) for the outbox. */
final class AvroOutboundMessages implements OutboundMessages {

    private static final int SINGLE_OBJECT_HEADER = 10;

    @Override
    public Message encode(UUID id, CaptureEvent event, String merchantId, String causationId, Instant occurredAt) {
        if (event instanceof CaptureEvent.VoidRequested v) {
            // the VOID policy is a command to authorization-service, the single owner of cancel calls
            PaymentCommand command = new PaymentCommand(v.commandId(), v.paymentRequestId(), merchantId, occurredAt,
                    new CancelPayment(v.reason()), null);
            return new Message(Topics.PAYMENTS_COMMANDS, v.paymentRequestId(), "CancelPayment", bytes(command));
        }
        SpecificRecord payload = payload(event);
        PaymentEvent envelope = new PaymentEvent(id.toString(), event.paymentRequestId(), paymentId(event),
                merchantId, occurredAt, causationId, payload);
        return new Message(Topics.PAYMENTS_EVENTS, event.paymentRequestId(), payload.getSchema().getName(),
                bytes(envelope));
    }

    /**
     * A stored message as the relay sends it: its Avro binary and writer schema, without decoding it. The outbox holds
     * Avro's single-object encoding ({@code C3 01}, the writer schema's 8-byte fingerprint, the binary); a fingerprint
     * other than the current envelope's is refused (the row then holds back its key, as a failed send does).
     */
    static AvroBinary stored(String topic, byte[] payload) {
        Schema schema = Topics.PAYMENTS_COMMANDS.equals(topic) ? PaymentCommand.getClassSchema()
                : PaymentEvent.getClassSchema();
        ByteBuffer header = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        if (payload.length < SINGLE_OBJECT_HEADER || header.get() != (byte) 0xC3 || header.get() != (byte) 0x01
                || header.getLong() != SchemaNormalization.parsingFingerprint64(schema)) {
            throw new IllegalStateException("outbox payload for " + topic + " is not the single-object encoding of "
                    + schema.getFullName() + " as this version writes it");
        }
        return new AvroBinary(schema, Arrays.copyOfRange(payload, SINGLE_OBJECT_HEADER, payload.length));
    }

    private static SpecificRecord payload(CaptureEvent event) {
        if (event instanceof CaptureEvent.CaptureScheduled e) {
            return new CaptureScheduled(e.paymentId(), money(e.amount()), e.captureAt(), e.deadline());
        }
        if (event instanceof CaptureEvent.CaptureSucceeded e) {
            return new CaptureSucceeded(e.paymentId(), e.captureRequestId(), e.captureId(), money(e.amount()),
                    e.capturedAt(), mode(e.mode()), e.correctsEventId());
        }
        if (event instanceof CaptureEvent.CaptureFailed e) {
            return new CaptureFailed(e.paymentId(), e.captureRequestId(), money(e.amount()), e.resultCode(),
                    e.resultMessage());
        }
        if (event instanceof CaptureEvent.DeadlineApproaching e) {
            return new CaptureDeadlineApproaching(e.paymentId(), money(e.amount()), e.deadline(),
                    e.offset().toMillis(), policy(e.policy()));
        }
        if (event instanceof CaptureEvent.AuthorizationExpired e) {
            return new AuthorizationExpired(e.paymentId(), money(e.amount()), e.deadline());
        }
        if (event instanceof CaptureEvent.DeadlinePolicyChanged e) {
            return new DeadlinePolicyChanged(e.paymentId(), policy(e.previousPolicy()), policy(e.policy()),
                    e.deadline(), e.changedBy(), e.reason());
        }
        if (event instanceof CaptureEvent.CommandRejected e) {
            return new CommandRejected(e.commandId(), RejectionReason.valueOf(e.reason().name()), e.field(),
                    e.message(), null);
        }
        throw new IllegalStateException("unhandled " + event);
    }

    private static String paymentId(CaptureEvent event) {
        if (event instanceof CaptureEvent.CaptureScheduled e) {
            return e.paymentId();
        }
        if (event instanceof CaptureEvent.CaptureSucceeded e) {
            return e.paymentId();
        }
        if (event instanceof CaptureEvent.CaptureFailed e) {
            return e.paymentId();
        }
        if (event instanceof CaptureEvent.DeadlineApproaching e) {
            return e.paymentId();
        }
        if (event instanceof CaptureEvent.AuthorizationExpired e) {
            return e.paymentId();
        }
        if (event instanceof CaptureEvent.CommandRejected e) {
            return e.paymentId();
        }
        if (event instanceof CaptureEvent.DeadlinePolicyChanged e) {
            return e.paymentId();
        }
        return null;
    }

    static io.holdfast.schemas.common.Money money(Money m) {
        return new io.holdfast.schemas.common.Money(m.valueMinor(), m.currency());
    }

    private static io.holdfast.schemas.common.CaptureMode mode(CaptureMode mode) {
        return switch (mode) {
            case AUTOMATIC -> io.holdfast.schemas.common.CaptureMode.AUTOMATIC;
            case MANUAL -> io.holdfast.schemas.common.CaptureMode.MANUAL;
        };
    }

    private static io.holdfast.schemas.common.DeadlinePolicy policy(DeadlinePolicy policy) {
        return switch (policy) {
            case CAPTURE -> io.holdfast.schemas.common.DeadlinePolicy.CAPTURE;
            case VOID -> io.holdfast.schemas.common.DeadlinePolicy.VOID;
            case EXPIRE -> io.holdfast.schemas.common.DeadlinePolicy.EXPIRE;
        };
    }

    private static byte[] bytes(PaymentEvent e) {
        return toBytes(() -> e.toByteBuffer());
    }

    private static byte[] bytes(PaymentCommand c) {
        return toBytes(() -> c.toByteBuffer());
    }

    private interface Encoding {
        ByteBuffer encode() throws IOException;
    }

    private static byte[] toBytes(Encoding encoding) {
        try {
            ByteBuffer buffer = encoding.encode();
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
