package io.holdfast.capture.it;

import static io.holdfast.capture.it.Scenario.CLOCK;
import static io.holdfast.capture.it.Scenario.WAIT;
import static io.holdfast.capture.it.Scenario.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.RejectionReason;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A CapturePayment's commandId is remembered with a fingerprint of its content: an identical redelivery is a silent
 * no-op, the same commandId with other content is refused with CommandRejected(DUPLICATE_COMMAND_ID_CONFLICT) on
 * payments.events (and kept on the dead-letter topic), never dropped as a duplicate. No capture is sent here (the
 * capture is scheduled days ahead and the clock stands still). The relay and the scheduler poll only every 10 minutes
 * here (a context of its own, on its own database): every event is on payments.events within seconds because the
 * commit that wrote it woke the relay.
 */
@CaptureServiceIntegrationTest
@TestPropertySource(properties = {
        Scenario.DATABASE_PROPERTY + "=capture_command_ids",
        "holdfast.capture.scheduler.poll-interval=10m",
        "holdfast.capture.outbox.poll-interval=10m"})
class CommandIdConflictIntegrationTests {

    @Autowired
    Scenario scenario;
    @Autowired
    Recorder recorder;
    @Autowired
    ScheduleStore store;
    @Value("${holdfast.capture.outbox.poll-interval}")
    Duration relayPollInterval;

    @Test
    void theSameCommandIdWithOtherContentIsRejectedWhileAnIdenticalRedeliveryStaysSilent() {
        assertThat(relayPollInterval).as("the relay only polls every 10 minutes here").isEqualTo(Duration.ofMinutes(10));
        String id = scenario.authorize("conflict", 2500, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false)
                .paymentRequestId();
        PaymentCommand capture = new PaymentCommand("cmd-" + UUID.randomUUID(), id, null, CLOCK.instant(),
                new CapturePayment(money(2500), CLOCK.instant().plus(Duration.ofDays(2))), null);
        scenario.send(capture);
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureScheduled.class).isEmpty());

        // the identical command again, issued later (issuedAt is not content): nothing new
        scenario.send(PaymentCommand.newBuilder(capture).setIssuedAt(CLOCK.instant().plusSeconds(60)).build());
        // the same commandId with another amount: refused out loud
        scenario.send(PaymentCommand.newBuilder(capture).setPayload(new CapturePayment(money(2400), null)).build());

        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(id, CommandRejected.class).get(0);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.DUPLICATE_COMMAND_ID_CONFLICT);
        assertThat(rejected.getCommandId()).isEqualTo(capture.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
        assertThat(recorder.deadLetterCommands(id)).singleElement()
                .satisfies(c -> assertThat(((CapturePayment) c.getPayload()).getAmount()).isEqualTo(money(2400)));
        assertThat(recorder.events(id, CaptureScheduled.class)).hasSize(1);
        assertThat(recorder.events(id, CommandRejected.class)).hasSize(1);
        assertThat(store.find(id).block().captureAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(2)));
    }
}
