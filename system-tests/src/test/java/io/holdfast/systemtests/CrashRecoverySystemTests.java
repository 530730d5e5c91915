package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.localstack.ChildProcess;
import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentAuthorized;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A service crash loses nothing: capture-service is killed (SIGKILL) while a merchant's capture command waits on
 * payments.commands; once restarted from the same jar it picks the command up and the capture completes.
 */
class CrashRecoverySystemTests {

    private static final Money AMOUNT = new Money(77_00L, "USD");

    @Test
    void a_capture_command_sent_while_capture_service_is_down_completes_after_its_restart() throws Exception {
        TestStack test = TestStack.requireAll();
        RunningStack stack = test.stack();
        Merchant merchant = test.merchant();
        String id = Merchant.paymentRequestId("crash");
        merchant.send(merchant.commands().authorize(id, AMOUNT, CaptureMode.MANUAL, merchant.card(), "ORD-" + id,
                DeadlinePolicy.VOID));
        merchant.await(id, PaymentAuthorized.class);
        long killedPid = stack.child(LocalStack.CAPTURE).map(ChildProcess::pid).orElseThrow();

        stack.kill(LocalStack.CAPTURE);
        merchant.send(merchant.commands().capture(id, AMOUNT));
        ChildProcess restarted = stack.restart(LocalStack.CAPTURE);
        await("capture-service healthy again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.isHealthy(LocalStack.CAPTURE));

        CaptureSucceeded captured = merchant.await(id, CaptureSucceeded.class);
        assertThat(restarted.pid()).isNotEqualTo(killedPid);
        assertThat(captured.getAmount()).isEqualTo(AMOUNT);
        assertThat(merchant.eventTypes(id)).containsOnlyOnce("CaptureSucceeded").doesNotContain("CaptureFailed");
    }
}
