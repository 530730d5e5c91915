package io.holdfast.authorization.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.authorization.application.AuthorizeCommand;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.Buyer;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandMapperUnitTests {

    private static AuthorizePayment payload(long amountMinor) {
        return AuthorizePayment.newBuilder()
                .setAmount(new Money(amountMinor, "USD"))
                .setCaptureMode(CaptureMode.MANUAL)
                .setCard(CardReference.newBuilder().setCardToken("tok-1").build())
                .setOrder(Order.newBuilder().setReferenceOrderId("order-1").setOrderDescription("one book")
                        .setBuyer(Buyer.newBuilder().setReferenceBuyerId("buyer-1").build())
                        .setGoods(List.of()).build())
                .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).setClientIp("203.0.113.7").build())
                .setPaymentRedirectUrl("https://merchant.example/return")
                .setDeadlinePolicy(DeadlinePolicy.VOID)
                .build();
    }

    private static AuthorizeCommand map(String commandId, String merchantId, AuthorizePayment payload) {
        PaymentCommand command = PaymentCommand.newBuilder().setCommandId(commandId).setPaymentRequestId("acme-1")
                .setMerchantId(merchantId).setIssuedAt(Instant.parse("2026-03-01T10:00:00Z")).setPayload(payload)
                .build();
        return CommandMapper.authorize(command, payload);
    }

    /**
     * The request's fingerprint is stored with the payment (column {@code fingerprint}) and compared with every
     * AuthorizePayment that names the payment again: a release computing another value would refuse a merchant's
     * retry of a payment made before the upgrade as another request. The value is pinned.
     */
    @Test
    void theRequestFingerprintOfAKnownAuthorizePaymentNeverChanges() {
        assertThat(map("cmd-1", "acme", payload(1250)).fingerprint()).isEqualTo("23e6a6026c222aee45f2798888729ca7b0d214023acb0bbeb2da8f085629862c");
    }

    @Test
    void theRequestFingerprintIsTheMerchantAndThePayloadOnly() {
        String first = map("cmd-1", "acme", payload(1250)).fingerprint();

        assertThat(map("cmd-2", "acme", payload(1250)).fingerprint()).as("another commandId").isEqualTo(first);
        assertThat(map("cmd-1", "acme", payload(1251)).fingerprint()).as("another amount").isNotEqualTo(first);
        assertThat(map("cmd-1", "other", payload(1250)).fingerprint()).as("another merchant").isNotEqualTo(first);
        assertThat(map("cmd-1", null, payload(1250)).fingerprint()).as("no merchant").isNotEqualTo(first);
    }
}
