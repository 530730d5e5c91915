package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentAuthorized;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A MANUAL authorization nobody captures: the deadline guardian warns, then applies the payment's policy
 * (CAPTURE) before Antom's 7-day deadline. Time moves by moving the sandbox clock, which every service follows
 * ({@code holdfast.clock.sandbox-url}).
 */
class DeadlineGuardianSystemTests {

    private static final Money AMOUNT = new Money(5_00L, "USD");

    @Test
    void an_uncaptured_manual_authorization_is_captured_by_the_guardian_before_its_deadline() throws Exception {
        Merchant merchant = TestStack.requireAll().merchant();
        String id = Merchant.paymentRequestId("guardian");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.MANUAL, merchant.card(), "ORD-" + id,
                DeadlinePolicy.CAPTURE));
        PaymentAuthorized authorized = merchant.await(id, PaymentAuthorized.class);
        assertThat(authorized.getDeadlinePolicy()).isEqualTo(DeadlinePolicy.CAPTURE);

        // 7-day deadline, 12 h safety margin: 6 d 12 h later the policy is due
        merchant.sandbox().advanceClock(Duration.ofDays(6).plusHours(12).plusMinutes(1));

        CaptureDeadlineApproaching warning = merchant.await(id, CaptureDeadlineApproaching.class);
        CaptureSucceeded captured = merchant.await(id, CaptureSucceeded.class);

        assertThat(warning.getPolicy()).isEqualTo(DeadlinePolicy.CAPTURE);
        assertThat(captured.getCaptureMode()).isEqualTo(CaptureMode.MANUAL);
        assertThat(captured.getAmount()).isEqualTo(AMOUNT);
        assertThat(captured.getCapturedAt()).isBefore(authorized.getAuthExpiryTime());
        assertThat(merchant.eventTypes(id))
                .containsSubsequence("PaymentAuthorized", "CaptureDeadlineApproaching", "CaptureSucceeded")
                .doesNotContain("AuthorizationExpired", "CaptureFailed");
    }
}
