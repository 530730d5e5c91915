package io.holdfast.alipay.sandbox.contract;

import io.holdfast.alipay.sandbox.SandboxControl;
import io.holdfast.alipay.sandbox.core.LedgerOperation;

/** Reads the emulator's ledger: how often an operation really took effect (replays excluded). */
final class ContractLedger {

    private ContractLedger() {
    }

    static long applied(SandboxControl sandbox, LedgerOperation operation, String paymentRequestId) {
        return sandbox.ledger().stream()
                .filter(entry -> entry.operation() == operation && paymentRequestId.equals(entry.paymentRequestId())
                        && !entry.replay() && entry.result().isSuccess())
                .count();
    }
}
