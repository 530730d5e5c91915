package io.holdfast.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CaptureStatusUnitTests {

    @Test
    void terminalStatesAreNeverLeftExceptByAntomsTruth() {
        assertThatThrownBy(() -> CaptureStatus.CAPTURE_REQUESTED.assertCanFollow(CaptureStatus.CAPTURED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(CaptureStatus.CAPTURED.validPrevious()).doesNotContain(CaptureStatus.CAPTURED,
                CaptureStatus.VOIDED, CaptureStatus.AUTHORIZED);
    }

    @Test
    void rendersTheStateMachineAsMermaid() throws IOException {
        StringBuilder mermaid = new StringBuilder("stateDiagram-v2\n");
        for (CaptureStatus to : CaptureStatus.values()) {
            if (to.validPrevious().isEmpty()) {
                mermaid.append("    [*] --> ").append(to).append('\n');
            }
            for (CaptureStatus from : to.validPrevious()) {
                mermaid.append("    ").append(from).append(" --> ").append(to).append('\n');
            }
        }
        Path out = Path.of("docs", "capture-states.mmd");
        Files.createDirectories(out.getParent());
        Files.writeString(out, mermaid.toString());
        assertThat(mermaid).contains("CAPTURE_REQUESTED --> CAPTURED");
    }
}
