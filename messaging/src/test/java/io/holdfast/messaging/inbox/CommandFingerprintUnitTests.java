package io.holdfast.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.PaymentCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandFingerprintUnitTests {

    private static PaymentCommand cancel(String commandId, String merchantId, String paymentRequestId, String reason) {
        return PaymentCommand.newBuilder().setCommandId(commandId).setPaymentRequestId(paymentRequestId)
                .setMerchantId(merchantId).setIssuedAt(Instant.EPOCH)
                .setPayload(CancelPayment.newBuilder().setReason(reason).build()).build();
    }

    /**
     * Inbox rows keep the fingerprint across deployments: a new release computing another value would take the
     * redelivery of a command it saw before the upgrade for a conflict. The value is pinned.
     */
    @Test
    void theFingerprintOfAKnownCommandNeverChanges() {
        assertThat(CommandFingerprint.of(cancel("cmd-1", "acme", "acme-1", "buyer asked")))
                .isEqualTo("bb9edaa42d79e1ee207b81b52296c6a26da923caf411b8a20bb278fcc3b3b481");
    }

    @Test
    void aReissuedCommandWithTheSameContentHasTheSameFingerprint() {
        PaymentCommand first = cancel("cmd-1", "acme", "acme-1", "buyer asked");
        PaymentCommand reissued = PaymentCommand.newBuilder(cancel("cmd-2", "acme", "acme-1", "buyer asked"))
                .setIssuedAt(Instant.parse("2026-12-06T03:00:00Z")).build();

        assertThat(CommandFingerprint.of(reissued)).isEqualTo(CommandFingerprint.of(first));
    }

    @Test
    void anyOtherContentHasAnotherFingerprint() {
        String base = CommandFingerprint.of(cancel("cmd-1", "acme", "acme-1", "buyer asked"));

        assertThat(CommandFingerprint.of(cancel("cmd-1", "acme", "acme-1", "risk"))).isNotEqualTo(base);
        assertThat(CommandFingerprint.of(cancel("cmd-1", "other", "acme-1", "buyer asked"))).isNotEqualTo(base);
        assertThat(CommandFingerprint.of(cancel("cmd-1", null, "acme-1", "buyer asked"))).isNotEqualTo(base);
        assertThat(CommandFingerprint.of(cancel("cmd-1", "acme", "acme-2", "buyer asked"))).isNotEqualTo(base);
        // lengths come first, so moving a boundary between two fields changes the fingerprint
        assertThat(CommandFingerprint.of(cancel("cmd-1", "acm", "eacme-1", "buyer asked"))).isNotEqualTo(base);
    }
}
