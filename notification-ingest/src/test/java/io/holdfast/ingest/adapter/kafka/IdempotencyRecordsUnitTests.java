package io.holdfast.ingest.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.application.CommandResult;
import io.holdfast.ingest.application.IdempotencyRecord;
import io.holdfast.ingest.domain.CardFacts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IdempotencyRecordsUnitTests {

    private final IdempotencyRecords records = new IdempotencyRecords(JsonMapper.builder().build());
    private final Instant at = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void everyFinalAnswerSurvivesTheTopic() {
        List<CommandResult> answers = List.of(
                new CommandResult.Accepted("c1", "acme-1", "CANCEL", null),
                new CommandResult.Accepted("c2", "acme-2", "AUTHORIZE", new CommandResult.VaultedCard("tok_1",
                        new CardFacts("411111******1111", "VISA", "CREDIT", "US"))),
                new CommandResult.Accepted("c3", "acme-3", "AUTHORIZE", new CommandResult.VaultedCard("tok_2", null)),
                new CommandResult.CardVerificationRequired("v-c4", "https://antom.example/3ds"),
                new CommandResult.CardRefused("CARD_INVALID", "invalid card"));
        for (CommandResult answer : answers) {
            IdempotencyRecord record = new IdempotencyRecord("cid", "fp", answer, at);

            assertThat(records.decode("cid", records.encode(record))).isEqualTo(record);
        }
    }

    @Test
    void aFormatThisVersionDoesNotKnowIsSkipped() {
        assertThat(records.decode("cid", "{\"v\":2,\"fingerprint\":\"fp\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }
}
