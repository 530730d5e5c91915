package io.holdfast.authorization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.RejectionReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A commandId is remembered with a fingerprint of its content: a redelivery of the same command is a silent no-op, the
 * same commandId with other content is refused out loud (never dropped as a "duplicate").
 */
@AuthorizationServiceIntegrationTest
class CommandIdConflictIntegrationTests extends ScenarioTest {

    @Test
    void aCancelReusingTheAuthorizeCommandIdIsRejectedAsAConflictNotDroppedWhileARedeliveryStaysSilent()
            throws Exception {
        String id = Commands.newPaymentRequestId("same-command-id");
        PaymentCommand authorize = Commands.authorize(id, infra.cardToken, 6700, CaptureMode.MANUAL, "");
        scenario.send(authorize);
        scenario.awaitStatus(id, PaymentStatus.AUTHORIZED);
        scenario.awaitEvents(id, PaymentAuthorized.class);

        // the identical command again, issued later (issuedAt is not part of the content): nothing happens
        scenario.send(PaymentCommand.newBuilder(authorize).setIssuedAt(Instant.parse("2026-03-02T10:00:00Z")).build());
        // the merchant's cancel under the same commandId (what the edge produced when a key was reused)
        PaymentCommand cancel = Commands.withCommandId(Commands.cancel(id, "buyer changed their mind"),
                authorize.getCommandId());
        scenario.send(cancel);

        CommandRejected rejected = (CommandRejected) scenario
                .awaitEvents(id, PaymentAuthorized.class, CommandRejected.class).get(1).getPayload();
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.DUPLICATE_COMMAND_ID_CONFLICT);
        assertThat(rejected.getCommandId()).isEqualTo(authorize.getCommandId());
        assertThat(rejected.getField()).isEqualTo("commandId");
        await().atMost(Scenario.WAIT).until(() -> published.commandDeadLetters.stream()
                .anyMatch(r -> id.equals(r.key())));
        assertThat(queries.find(id).block().payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(queries.find(id).block().timeline()).hasSize(2);
        assertThat(Scenario.authorizationsCreated(id)).isEqualTo(1);
    }
}
