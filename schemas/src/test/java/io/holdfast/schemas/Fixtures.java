package io.holdfast.schemas;

import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import java.time.Instant;
import java.util.List;

/** Fixed, fully deterministic contract records for serde tests (the golden bytes depend on them). */
public final class Fixtures {

    public static final Instant ISSUED_AT = Instant.parse("2026-01-02T03:04:05.678Z");

    private Fixtures() {
    }

    public static PaymentCommand authorizeManual() {
        AuthorizePayment authorize = AuthorizePayment.newBuilder()
                .setAmount(new Money(1999L, "USD"))
                .setCaptureMode(CaptureMode.MANUAL)
                .setCard(CardReference.newBuilder().setCardToken("ALIPAY_TOKEN_TEST_0001").build())
                .setOrder(Order.newBuilder()
                        .setReferenceOrderId("ORD-1")
                        .setOrderDescription("Order 1")
                        .setGoods(List.of())
                        .build())
                .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).setClientIp("1.2.3.4").build())
                .setPaymentRedirectUrl("https://merchant.example/return")
                .setDeadlinePolicy(DeadlinePolicy.VOID)
                .build();
        return PaymentCommand.newBuilder()
                .setCommandId("cmd-1")
                .setPaymentRequestId("PAY-1")
                .setIssuedAt(ISSUED_AT)
                .setPayload(authorize)
                .build();
    }

    public static PaymentEvent commandRejected() {
        return PaymentEvent.newBuilder()
                .setEventId("e")
                .setPaymentRequestId("p")
                .setOccurredAt(Instant.ofEpochMilli(1))
                .setPayload(CommandRejected.newBuilder()
                        .setCommandId(null)
                        .setReason(RejectionReason.INVALID_FIELD)
                        .setField(null)
                        .setMessage("m")
                        .build())
                .build();
    }
}
