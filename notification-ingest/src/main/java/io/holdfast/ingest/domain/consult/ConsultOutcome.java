package io.holdfast.ingest.domain.consult;

import java.util.List;

/** What consult returned. */
public sealed interface ConsultOutcome {

    /** Antom answered S. */
    record Options(List<CardOption> options) implements ConsultOutcome {

        public Options {
            options = List.copyOf(options);
        }
    }

    /** Antom answered F (e.g. PARAM_ILLEGAL). */
    record Refused(String resultCode, String resultMessage) implements ConsultOutcome {
    }

    /** No answer (timeout, U, not sent). */
    record Unavailable(String reason) implements ConsultOutcome {
    }
}
