package io.holdfast.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ingest.domain.command.CommandId;
import io.holdfast.ingest.domain.command.CommandType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The commandId derivation is part of the merchant contract: pinned to the README's example. */
class CommandIdUnitTests {

    @Test
    void theReadmeExampleHolds() {
        assertThat(CommandId.of("acme", CommandType.AUTHORIZE, "acme-order-1001", "order-1001"))
                .isEqualTo("6e58cdc3-f054-853b-967f-36726e43bbec");
        assertThat(CommandId.of("acme", CommandType.CANCEL, "acme-order-1001", "order-1001"))
                .isEqualTo("1c4ec8c5-892c-8258-a54a-6e75cef09ebc");
    }

    @Test
    void everyFieldOfTheScopeCounts() {
        Set<String> ids = new HashSet<>();
        ids.add(CommandId.of("acme", CommandType.AUTHORIZE, "acme-1", "k"));
        ids.add(CommandId.of("globex", CommandType.AUTHORIZE, "acme-1", "k"));
        ids.add(CommandId.of("acme", CommandType.CANCEL, "acme-1", "k"));
        ids.add(CommandId.of("acme", CommandType.CAPTURE, "acme-1", "k"));
        ids.add(CommandId.of("acme", CommandType.AUTHORIZE, "acme-2", "k"));
        ids.add(CommandId.of("acme", CommandType.AUTHORIZE, "acme-1", "k2"));

        assertThat(ids).hasSize(6);
        assertThat(CommandId.of("acme", CommandType.AUTHORIZE, "acme-1", "k"))
                .isEqualTo(CommandId.of("acme", CommandType.AUTHORIZE, "acme-1", "k"));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // without the length prefixes both would encode as "acme" "authorize" "acme-1:x" "k" run together
        assertThat(CommandId.of("acme", CommandType.AUTHORIZE, "acme-1", ":xk"))
                .isNotEqualTo(CommandId.of("acme", CommandType.AUTHORIZE, "acme-1:x", "k"));
    }

    @Test
    void itIsAVersion8UuidThatLeavesRoomForTheVaultingPrefix() {
        String id = CommandId.of("acme", CommandType.AUTHORIZE, "acme-" + "x".repeat(59), "k".repeat(255));

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(("v-" + id).length()).isLessThanOrEqualTo(64);
    }
}
