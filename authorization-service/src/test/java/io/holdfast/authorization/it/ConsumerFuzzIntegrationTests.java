package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.messaging.testing.HostileRecords;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The consumers' fuzz (issue 18): seeded hostile records (contract records with hostile fields, raw bytes, Confluent
 * framing with random bodies) on each input topic, {@code payments.commands} and {@code alipay.notifications}. The
 * partitions move on (a valid command behind them is applied, every offset is committed), nothing the service writes
 * to {@code payments.events} breaks the rules or holds a card number, and no planted card number reaches the log.
 * Replay a failure with {@code -Dholdfast.fuzz.seed=<seed>}; run longer with {@code -Dholdfast.fuzz.scale=<n>}.
 */
@AuthorizationServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConsumerFuzzIntegrationTests extends ScenarioTest {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFuzzIntegrationTests.class);

    @Test
    void hostileRecordsOnEveryInputTopicNeitherStallNorLeak(CapturedOutput output) {
        long seed = HostileRecords.seed();
        HostileRecords fuzz = new HostileRecords(seed);
        int records = HostileRecords.count(300);
        int raw = HostileRecords.count(200);
        int eventsBefore = published.events.size();

        for (int i = 0; i < records; i++) {
            String id = "fz-" + seed % 10_000 + "-" + i;
            String key = fuzz.random().nextInt(10) == 0 ? fuzz.hostileString() : id;
            scenario.sendAsync(Topics.PAYMENTS_COMMANDS, key, fuzz.command(id));
            scenario.sendAsync(Topics.ALIPAY_NOTIFICATIONS, "pay-" + id, fuzz.notification(id, "pay-" + id));
        }
        for (int i = 0; i < raw; i++) {
            scenario.sendRawAsync(Topics.PAYMENTS_COMMANDS, "fz-raw-" + i, fuzz.rawBytes());
            scenario.sendRawAsync(Topics.ALIPAY_NOTIFICATIONS, "fz-raw-" + i, fuzz.rawBytes());
        }
        String marker = Commands.newPaymentRequestId("after-fuzz");
        scenario.sendAsync(Topics.PAYMENTS_COMMANDS, marker,
                Commands.authorize(marker, infra.cardToken, 4100, CaptureMode.AUTOMATIC, ""));
        scenario.flush();

        String seedNote = "fuzz seed " + seed + " (replay with -Dholdfast.fuzz.seed=" + seed + ")";
        log.info("{}: {} records", seedNote, 2 * records + 2 * raw + 1);
        try {
            scenario.awaitStatus(marker, PaymentStatus.AUTHORIZED);
            scenario.awaitConsumed(Topics.PAYMENTS_COMMANDS);
            scenario.awaitConsumed(Topics.ALIPAY_NOTIFICATIONS);
        } catch (RuntimeException e) {
            throw new AssertionError(seedNote + ": a partition did not move on", e);
        }

        List<PaymentEvent> written = published.events.subList(eventsBefore, published.events.size());
        for (PaymentEvent event : written) {
            assertThat(HostileRecords.cardNumbersIn(event)).as(seedNote + ": card numbers in " + event.getEventId())
                    .isEmpty();
            assertThat(AntomFields.id("paymentRequestId", event.getPaymentRequestId(), AntomFields.ID_MAX))
                    .as(seedNote).isEmpty();
            if (event.getPayload() instanceof CommandRejected rejected && rejected.getCommandId() != null) {
                assertThat(rejected.getCommandId().length()).as(seedNote).isLessThanOrEqualTo(128);
            }
        }
        String log = output.getAll().replaceAll("(?<=\\d)[ -](?=\\d)", "");
        for (String pan : HostileRecords.PANS) {
            assertThat(log).as(seedNote + ": a planted card number in the log").doesNotContain(pan);
        }
    }
}
