package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every payment flow end to end, through Kafka only: the merchant publishes PaymentCommand records on
 * payments.commands and reads PaymentEvent records from payments.events; Antom is the sandbox process; the
 * scenario is chosen by the sandbox's order-reference markers or its fault-injection API.
 */
class PaymentFlowSystemTests {

    private static final Money AMOUNT = new Money(12_34L, "USD");

    private Merchant merchant;

    @BeforeEach
    void stack() {
        merchant = TestStack.requireAll().merchant();
    }

    @Test
    void automatic_capture_authorizes_then_antom_captures() throws Exception {
        String id = Merchant.paymentRequestId("auto");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.AUTOMATIC, merchant.card(), "ORD-" + id, null));

        PaymentAuthorized authorized = merchant.await(id, PaymentAuthorized.class);
        CaptureSucceeded captured = merchant.await(id, CaptureSucceeded.class);

        assertThat(authorized.getAmount()).isEqualTo(AMOUNT);
        assertThat(authorized.getCaptureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(captured.getAmount()).isEqualTo(AMOUNT);
        assertThat(captured.getCaptureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(captured.getPaymentId()).isEqualTo(authorized.getPaymentId());
        assertThat(merchant.eventTypes(id)).containsSubsequence("PaymentAuthorized", "CaptureSucceeded")
                .doesNotContain("PaymentDeclined", "CaptureFailed", "CommandRejected");
    }

    @Test
    void manual_capture_waits_for_the_merchants_capture_command() throws Exception {
        String id = Merchant.paymentRequestId("manual");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.MANUAL, merchant.card(), "ORD-" + id,
                DeadlinePolicy.VOID));

        PaymentAuthorized authorized = merchant.await(id, PaymentAuthorized.class);
        assertThat(authorized.getCaptureMode()).isEqualTo(CaptureMode.MANUAL);
        assertThat(authorized.getAuthExpiryTime()).isNotNull();
        assertThat(merchant.eventTypes(id)).doesNotContain("CaptureSucceeded");

        merchant.send(merchant.commands().capture(id, AMOUNT));
        CaptureSucceeded captured = merchant.await(id, CaptureSucceeded.class);

        assertThat(captured.getCaptureMode()).isEqualTo(CaptureMode.MANUAL);
        assertThat(captured.getAmount()).isEqualTo(AMOUNT);
        assertThat(captured.getCaptureRequestId()).isNotBlank();
        assertThat(merchant.eventTypes(id)).containsSubsequence("PaymentAuthorized", "CaptureSucceeded")
                .doesNotContain("CaptureFailed", "CommandRejected");
    }

    @Test
    void cancel_voids_an_uncaptured_authorization() throws Exception {
        String id = Merchant.paymentRequestId("cancel");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.MANUAL, merchant.card(), "ORD-" + id,
                DeadlinePolicy.VOID));
        merchant.await(id, PaymentAuthorized.class);

        merchant.send(merchant.commands().cancel(id, "buyer changed their mind"));
        AuthorizationCancelled cancelled = merchant.await(id, AuthorizationCancelled.class);

        assertThat(cancelled.getInitiator()).isEqualTo(CancelInitiator.MERCHANT);
        assertThat(merchant.eventTypes(id)).containsSubsequence("PaymentAuthorized", "AuthorizationCancelled")
                .doesNotContain("CaptureSucceeded", "CancelFailed");
    }

    @Test
    void a_3ds_challenge_asks_the_buyer_to_act_then_authorizes_once_they_pass_it() throws Exception {
        String id = Merchant.paymentRequestId("3ds");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.AUTOMATIC, merchant.card(),
                "ORD-SANDBOX_3DS-" + id, null));

        PaymentActionRequired action = merchant.await(id, PaymentActionRequired.class);
        assertThat(action.getRedirectUrl()).contains("/sandbox/3ds/");
        assertThat(merchant.eventTypes(id)).doesNotContain("PaymentAuthorized");

        merchant.sandbox().passChallenge(action.getRedirectUrl());
        merchant.await(id, PaymentAuthorized.class);
        merchant.await(id, CaptureSucceeded.class);

        assertThat(merchant.eventTypes(id))
                .containsSubsequence("PaymentActionRequired", "PaymentAuthorized", "CaptureSucceeded");
    }

    @Test
    void a_decline_is_final_and_carries_antoms_result_code() throws Exception {
        String id = Merchant.paymentRequestId("decline");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.AUTOMATIC, merchant.card(),
                "ORD-SANDBOX_DECLINE_DO_NOT_HONOR-" + id, null));

        PaymentDeclined declined = merchant.await(id, PaymentDeclined.class);

        assertThat(declined.getResultCode()).isEqualTo("DO_NOT_HONOR");
        assertThat(merchant.eventTypes(id)).doesNotContain("PaymentAuthorized", "CaptureSucceeded");
    }

    @Test
    void an_unknown_pay_result_is_resolved_by_inquiry() throws Exception {
        String id = Merchant.paymentRequestId("unknown");
        String card = merchant.card();
        // Antom applies the pay but answers U/UNKNOWN_EXCEPTION, and its notifyPayment is held back (on the sandbox
        // clock), so only an inquiry can tell Holdfast the payment was authorized
        merchant.sandbox().injectFault("pay", "UNKNOWN_EXCEPTION", 1, true);
        merchant.sandbox().delayNextNotifications(1, java.time.Duration.ofDays(30));
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.VOID));

        PaymentAuthorized authorized = merchant.await(id, PaymentAuthorized.class);

        assertThat(authorized.getAmount()).isEqualTo(AMOUNT);
        assertThat(merchant.sandbox().ledger().valueStream()
                .filter(entry -> id.equals(entry.path("paymentRequestId").asString(null)))
                .map(entry -> entry.path("operation").asString()))
                .contains("PAY", "INQUIRY_PAYMENT");
        merchant.send(merchant.commands().cancel(id, "test over"));
        merchant.await(id, AuthorizationCancelled.class);
    }
}
