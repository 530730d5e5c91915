package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated Antom: plain Java, no I/O. Every operation runs under one lock, so concurrent requests see a
 * consistent ledger; operations are in-memory and fast, signing happens outside the lock.
 */
public final class SandboxEngine {

    private final Object lock = new Object();
    private final SandboxState state;
    private final PaymentLifecycle lifecycle;
    private final PayOperation pay;
    private final CancelOperation cancel;
    private final CaptureOperation capture;
    private final InquiryOperation inquiry;
    private final VaultOperation vault;
    private final ConsultOperation consult;
    private final RefundOperation refund;

    public SandboxEngine(Clock clock, IdGenerator ids, NotificationSink notifications, EngineSettings settings) {
        this.state = new SandboxState(clock, ids, new Ledger(clock), notifications, settings);
        this.lifecycle = new PaymentLifecycle(state);
        this.pay = new PayOperation(state, lifecycle);
        this.cancel = new CancelOperation(state);
        this.capture = new CaptureOperation(state, lifecycle);
        this.inquiry = new InquiryOperation(state, lifecycle);
        this.vault = new VaultOperation(state);
        this.consult = new ConsultOperation(state);
        this.refund = new RefundOperation(state, lifecycle);
    }

    /** Applies one API call; {@code body} is the parsed request (null when it was not JSON). */
    public ObjectNode handle(Api api, String clientId, JsonNode body) {
        return handle(api, clientId, body, false);
    }

    /**
     * Applies one API call.
     *
     * @param captureInProcess a capture that would succeed is answered CAPTURE_IN_PROCESS and completes later
     *     (the CAPTURE_IN_PROCESS fault); ignored by the other APIs
     */
    public ObjectNode handle(Api api, String clientId, JsonNode body, boolean captureInProcess) {
        synchronized (lock) {
            lifecycle.expireDue();
            try {
                RequestReader reader = RequestReader.of(body);
                return switch (api) {
                    case CONSULT -> consult.consult(clientId, reader);
                    case PAY -> pay.pay(clientId, reader);
                    case CANCEL -> cancel.cancel(clientId, reader);
                    case CAPTURE -> capture.capture(clientId, reader, captureInProcess);
                    case INQUIRY_PAYMENT -> inquiry.inquire(clientId, reader);
                    case REFUND -> refund.refund(clientId, reader);
                    case INQUIRY_REFUND -> refund.inquire(clientId, reader);
                    case VAULT_PAYMENT_METHOD -> vault.vault(clientId, reader);
                };
            } catch (ParamIllegalException e) {
                state.ledger.append(new Draft(clientId, operation(api), null, null, null, null, null, e.result(),
                        false));
                return Json.resultOnly(e.result());
            }
        }
    }

    /** Runs the time-driven transitions (authorization expiry, payment closing) for the current clock. */
    public void expireDue() {
        synchronized (lock) {
            lifecycle.expireDue();
        }
    }

    /** Completes every capture in process now, each sending notifyCapture; returns how many completed. */
    public int completePendingCaptures() {
        synchronized (lock) {
            lifecycle.expireDue();
            return lifecycle.completeCaptures(true);
        }
    }

    /** Completes every refund in process now, each sending notifyRefund; returns how many completed. */
    public int completePendingRefunds() {
        synchronized (lock) {
            lifecycle.expireDue();
            return lifecycle.completeRefunds(true);
        }
    }

    public Optional<ChallengeView> challenge(String paymentId) {
        synchronized (lock) {
            lifecycle.expireDue();
            return Optional.ofNullable(state.byPaymentId(paymentId)).map(this::view);
        }
    }

    /** The buyer passed or failed the 3DS challenge; empty when the payment does not exist. */
    public Optional<ChallengeView> completeChallenge(String paymentId, boolean passed) {
        synchronized (lock) {
            lifecycle.expireDue();
            Payment payment = state.byPaymentId(paymentId);
            if (payment == null) {
                return Optional.empty();
            }
            lifecycle.completeChallenge(payment, passed);
            return Optional.of(view(payment));
        }
    }

    public List<LedgerEntry> ledger() {
        return state.ledger.entries();
    }

    private ChallengeView view(Payment payment) {
        return new ChallengeView(payment.paymentId(), payment.amount(), payment.request().card().masked(),
                payment.state() == PaymentState.PROCESSING, PaymentViews.paymentStatus(payment.state()),
                payment.request().redirectUrl());
    }

    private static LedgerOperation operation(Api api) {
        return switch (api) {
            case CONSULT -> LedgerOperation.CONSULT;
            case PAY -> LedgerOperation.PAY;
            case CANCEL -> LedgerOperation.CANCEL;
            case CAPTURE -> LedgerOperation.CAPTURE;
            case INQUIRY_PAYMENT -> LedgerOperation.INQUIRY_PAYMENT;
            case REFUND -> LedgerOperation.REFUND;
            case INQUIRY_REFUND -> LedgerOperation.INQUIRY_REFUND;
            case VAULT_PAYMENT_METHOD -> LedgerOperation.VAULT_PAYMENT_METHOD;
        };
    }
}
