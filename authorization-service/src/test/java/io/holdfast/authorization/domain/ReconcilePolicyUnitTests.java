package io.holdfast.authorization.domain;

import static io.holdfast.authorization.domain.Payments.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilePolicyUnitTests {

    private final ReconcilePolicy policy = new ReconcilePolicy(
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(1)),
            Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(10));

    @Test
    void inFlightAttemptsAreLeftAloneForTheGrace() {
        Payment scheduled = policy.scheduleAfterTransition(Payments.requested(), T0);

        assertThat(scheduled.reconciliation()).isEqualTo(new Payment.Reconciliation(0, T0.plusSeconds(30)));
    }

    @Test
    void unknownsAreCheckedOnTheBackoffWhoseLastStepRepeats() {
        Payment payment = policy.scheduleAfterTransition(Payments.in(PaymentStatus.AUTH_UNKNOWN), T0);
        assertThat(payment.reconciliation().nextCheckAt()).isEqualTo(T0.plusSeconds(5));

        payment = policy.scheduleAfterCheck(payment, T0);
        assertThat(payment.reconciliation().nextCheckAt()).isEqualTo(T0.plusSeconds(15));
        payment = policy.scheduleAfterCheck(payment, T0);
        assertThat(payment.reconciliation().nextCheckAt()).isEqualTo(T0.plusSeconds(60));
        payment = policy.scheduleAfterCheck(payment, T0);
        assertThat(payment.reconciliation()).isEqualTo(new Payment.Reconciliation(3, T0.plusSeconds(60)));
    }

    @Test
    void resolvedPaymentsHaveNoSchedule() {
        Payment payment = policy.scheduleAfterTransition(Payments.in(PaymentStatus.AUTHORIZED), T0);

        assertThat(payment.reconciliation()).isNull();
    }

    @Test
    void givesUpOnAuthorizationsOnlyAfterTheLimit() {
        Payment unknown = Payments.in(PaymentStatus.AUTH_UNKNOWN);

        assertThat(policy.shouldGiveUp(unknown, T0.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(policy.shouldGiveUp(unknown, T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(policy.shouldGiveUp(Payments.in(PaymentStatus.CANCEL_UNKNOWN), T0.plus(Duration.ofDays(1))))
                .isFalse();
    }

    @Test
    void orderNotExistIsTrustedOnlyLongAfterTheRequest() {
        Payment unknown = Payments.in(PaymentStatus.AUTH_UNKNOWN);

        assertThat(policy.requestCanNoLongerArrive(unknown, T0.plusSeconds(30))).isFalse();
        assertThat(policy.requestCanNoLongerArrive(unknown, T0.plus(Duration.ofMinutes(10)))).isTrue();
    }
}
