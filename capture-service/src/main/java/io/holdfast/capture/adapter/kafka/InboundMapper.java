package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.domain.AuthorizedPayment;
import io.holdfast.capture.domain.CaptureMode;
import io.holdfast.capture.domain.CaptureNotification;
import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Money;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Maps the Avro contract's inbound records to the domain's vocabulary. */
final class InboundMapper {

    private InboundMapper() {
    }

    static AuthorizedPayment authorized(PaymentEvent e, PaymentAuthorized p) {
        return new AuthorizedPayment(e.getPaymentRequestId(), p.getPaymentId(), e.getMerchantId(), money(p.getAmount()),
                CaptureMode.valueOf(p.getCaptureMode().name()), p.getAuthorizedAt(), p.getAuthExpiryTime(),
                p.getDeadlinePolicy() == null ? null : DeadlinePolicy.valueOf(p.getDeadlinePolicy().name()));
    }

    static CaptureRequest capture(PaymentCommand c, CapturePayment p) {
        return new CaptureRequest(c.getCommandId(), c.getPaymentRequestId(), money(p.getAmount()), p.getCaptureAt(),
                contentFingerprint(c));
    }

    /**
     * The content fingerprint kept in the inbox next to the commandId: lower-case hex SHA-256 over merchantId,
     * paymentRequestId and the payload's full Avro name (each as a 4-byte big-endian length and its UTF-8 bytes; an
     * absent merchantId is empty), then the payload's Avro binary. commandId and issuedAt are not part of it, so a
     * re-issued identical command is a redelivery. (authorization-service computes the same.)
     */
    static String contentFingerprint(PaymentCommand command) {
        SpecificRecord payload = (SpecificRecord) command.getPayload();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (DataOutputStream data = new DataOutputStream(out)) {
            for (String field : new String[] {command.getMerchantId(), command.getPaymentRequestId(),
                    payload.getSchema().getFullName()}) {
                byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
                data.writeInt(bytes.length);
                data.write(bytes);
            }
            data.flush();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(payload.getSchema()).write(payload, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static CaptureNotification captureResult(AlipayNotification n, CaptureResultNotification c) {
        return new CaptureNotification(n.getNotificationId(), c.getPaymentId(), c.getCaptureRequestId(),
                c.getCaptureId(), "S".equals(c.getResultStatus()), c.getResultCode(), c.getResultMessage(),
                money(c.getCaptureAmount()), c.getCaptureTime());
    }

    private static Money money(io.holdfast.schemas.common.Money m) {
        return new Money(m.getValueMinor(), m.getCurrency());
    }
}
