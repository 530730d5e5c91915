package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.PolicyChangeRequest;
import java.time.Instant;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: commands parked because they arrived before their payment's PaymentAuthorized (CapturePayment and
 * ChangeDeadlinePolicy, in one arrival order per payment). Calls join the caller's transaction.
 */
public interface ParkedCommands {

    /** A parked command and the merchant that sent it. */
    sealed interface ParkedCommand permits ParkedCapture, ParkedPolicyChange {

        String merchantId();

        /** One function per kind (Java 17 has no switch over a sealed type): a new kind fails compilation. */
        <T> T fold(Function<ParkedCapture, T> capture, Function<ParkedPolicyChange, T> policyChange);

        default String commandId() {
            return fold(c -> c.request().commandId(), p -> p.request().commandId());
        }

        default String paymentRequestId() {
            return fold(c -> c.request().paymentRequestId(), p -> p.request().paymentRequestId());
        }
    }

    /** A parked CapturePayment. */
    record ParkedCapture(CaptureRequest request, String merchantId) implements ParkedCommand {

        @Override
        public <T> T fold(Function<ParkedCapture, T> capture, Function<ParkedPolicyChange, T> policyChange) {
            return capture.apply(this);
        }
    }

    /** A parked ChangeDeadlinePolicy. */
    record ParkedPolicyChange(PolicyChangeRequest request, String merchantId) implements ParkedCommand {

        @Override
        public <T> T fold(Function<ParkedCapture, T> capture, Function<ParkedPolicyChange, T> policyChange) {
            return policyChange.apply(this);
        }
    }

    /**
     * Serialises, until the caller's transaction ends, everyone who parks a command for or opens the row of
     * {@code paymentRequestId}: a command is either parked before the row opens (and found by the opener) or finds
     * the row; never neither.
     */
    Mono<Void> lockPayment(String paymentRequestId);

    /** Parks a CapturePayment (a second park of the same commandId changes nothing). */
    Mono<Void> park(CaptureRequest request, String merchantId, Instant receivedAt);

    /** Parks a ChangeDeadlinePolicy (a second park of the same commandId changes nothing). */
    Mono<Void> park(PolicyChangeRequest request, String merchantId, Instant receivedAt);

    /** Removes and returns the commands parked for {@code paymentRequestId}, in arrival order. */
    Flux<ParkedCommand> takeAll(String paymentRequestId);

    /** Removes and returns (in arrival order) the commands parked before {@code cutoff}. */
    Flux<ParkedCommand> takeReceivedBefore(Instant cutoff);
}
