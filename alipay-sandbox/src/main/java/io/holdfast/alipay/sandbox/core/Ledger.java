package io.holdfast.alipay.sandbox.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The append-only record of every operation the sandbox applied, in order. */
public final class Ledger {

    private final Clock clock;
    private final List<LedgerEntry> entries = new ArrayList<>();

    public Ledger(Clock clock) {
        this.clock = clock;
    }

    /** Fields of an entry before it gets its sequence number and time. */
    public record Draft(String clientId, LedgerOperation operation, String paymentRequestId, String paymentId,
            String requestId, String resultId, Amount amount, ApiResult result, boolean replay) {

        public static Draft of(String clientId, LedgerOperation operation, Payment payment, ApiResult result) {
            return new Draft(clientId, operation, payment == null ? null : payment.paymentRequestId(),
                    payment == null ? null : payment.paymentId(), null, null,
                    payment == null ? null : payment.amount(), result, false);
        }

        public Draft withRequest(String requestIdValue, String resultIdValue, Amount amountValue) {
            return new Draft(clientId, operation, paymentRequestId, paymentId, requestIdValue, resultIdValue,
                    amountValue, result, replay);
        }

        public Draft asReplay() {
            return new Draft(clientId, operation, paymentRequestId, paymentId, requestId, resultId, amount, result, true);
        }
    }

    public synchronized LedgerEntry append(Draft draft) {
        LedgerEntry entry = new LedgerEntry(entries.size() + 1L, clock.instant(), draft.clientId(), draft.operation(),
                draft.paymentRequestId(), draft.paymentId(), draft.requestId(), draft.resultId(), draft.amount(),
                draft.result(), draft.replay());
        entries.add(entry);
        return entry;
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }
}
