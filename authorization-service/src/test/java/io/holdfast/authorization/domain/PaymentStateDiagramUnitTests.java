package io.holdfast.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/payment-states.md} in step with the transition table. When it fails, the fresh rendering is
 * written next to it ({@code target/payment-states.md}) and also over the committed file when run with
 * {@code -Dholdfast.docs.update=true}; review and commit it.
 */
class PaymentStateDiagramUnitTests {

    private static final Path COMMITTED = Path.of("docs", "payment-states.md");

    @Test
    void committedDiagramIsTheRenderingOfTheTransitionTable() throws IOException {
        String rendered = PaymentStateDiagram.markdown();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "payment-states.md"), rendered, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("holdfast.docs.update")) {
            Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
        }

        assertThat(COMMITTED).exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/payment-states.md is stale: rerun with -Dholdfast.docs.update=true and commit it")
                .isEqualTo(rendered);
    }

    @Test
    void diagramDrawsEveryRowOfTheTable() {
        String rendered = PaymentStateDiagram.markdown();

        PaymentTransitions.rows().forEach(row -> assertThat(rendered)
                .contains(row.from() + " --> " + row.to() + " : " + row.trigger().label()));
    }
}
