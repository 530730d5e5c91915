package io.holdfast.messaging.inbox;

import io.holdfast.schemas.command.PaymentCommand;
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

/**
 * The content fingerprint a service's inbox keeps next to a command's commandId, so that a commandId seen again is told
 * apart as a redelivery (same content) or a conflict (other content). Every service that consumes
 * {@code payments.commands} computes it here, so they agree on what "the same command" is.
 */
public final class CommandFingerprint {

    private CommandFingerprint() {
    }

    /**
     * Lower-case hex SHA-256 over merchantId, paymentRequestId and the payload's full Avro name (each as a 4-byte
     * big-endian length and its UTF-8 bytes; an absent merchantId is empty), then the payload's Avro binary. commandId
     * and issuedAt are not part of it, so a re-issued identical command is a redelivery.
     */
    public static String of(PaymentCommand command) {
        SpecificRecord payload = (SpecificRecord) command.getPayload();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (DataOutputStream data = new DataOutputStream(out)) {
            for (String field : new String[] {command.getMerchantId(), command.getPaymentRequestId(),
                    payload.getSchema().getFullName()}) {
                byte[] bytes = utf8(field);
                data.writeInt(bytes.length);
                data.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest(out, payload);
    }

    /**
     * The fingerprint of a payment request's content that authorization-service stores with the payment (column
     * {@code fingerprint}) and compares with every AuthorizePayment naming the payment again: lower-case hex SHA-256
     * over the merchantId's UTF-8 bytes (empty when absent), one zero byte, then the payload's Avro binary. The
     * paymentRequestId, by which the payment is found, and the envelope (commandId, issuedAt) are not part of it.
     * Stored values outlive a release; the value is pinned by authorization-service's {@code CommandMapperUnitTests}.
     */
    public static String ofRequest(String merchantId, SpecificRecord payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(utf8(merchantId));
        out.write(0);
        return digest(out, payload);
    }

    /** Appends the payload's Avro binary to {@code prefix} and hashes the whole. */
    private static String digest(ByteArrayOutputStream prefix, SpecificRecord payload) {
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(prefix, null);
            new SpecificDatumWriter<SpecificRecord>(payload.getSchema()).write(payload, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(prefix.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] utf8(String field) {
        return (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
    }
}
