package io.holdfast.view.application;

import io.holdfast.view.domain.PaymentView;
import java.time.Clock;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Operator actions from the console: capture the authorized amount, cancel, change the deadline policy. Each is
 * checked against the view (an open manual authorization), audited, then published as a command carrying the
 * payment's merchantId (the owner; the owning service still decides) and the operator's login. The outcome arrives
 * as an event on payments.events with the command's id as causationId.
 */
public final class OperatorActions {

    private static final Set<String> POLICIES = Set.of("CAPTURE", "VOID", "EXPIRE");

    /** What became of a request. */
    public enum Outcome {
        /** Audited and published. */
        ISSUED,
        /** This commandId was submitted already: nothing published again. */
        DUPLICATE,
        /** No such payment in the view. */
        UNKNOWN_PAYMENT,
        /** The payment is not an open authorization (or the policy is not one of CAPTURE, VOID, EXPIRE). */
        NOT_ALLOWED
    }

    /** A request from the console's confirmation form. */
    public record Request(String commandId, String paymentRequestId, String operatorId, ConsoleAction.Kind action,
            String policy, String reason) {
    }

    private final ViewStore store;
    private final AuditLog audit;
    private final CommandPublisher publisher;
    private final Clock clock;

    public OperatorActions(ViewStore store, AuditLog audit, CommandPublisher publisher, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Outcome> issue(Request request) {
        return store.find(request.paymentRequestId())
                .flatMap(view -> allowed(view, request) ? record(view, request) : Mono.just(Outcome.NOT_ALLOWED))
                .defaultIfEmpty(Outcome.UNKNOWN_PAYMENT);
    }

    /** Whether the console offers {@code action} on {@code view}. */
    public static boolean offers(PaymentView view, ConsoleAction.Kind action) {
        boolean open = view.status().atRisk() && view.amount() != null;
        return switch (action) {
            case CAPTURE, CANCEL -> open;
            case CHANGE_POLICY -> open && "MANUAL".equals(view.captureMode());
        };
    }

    private static boolean allowed(PaymentView view, Request request) {
        return offers(view, request.action()) && (request.action() != ConsoleAction.Kind.CHANGE_POLICY
                || POLICIES.contains(request.policy()));
    }

    private Mono<Outcome> record(PaymentView view, Request request) {
        ConsoleAction action = new ConsoleAction(request.commandId(), view.ids().paymentRequestId(),
                view.ids().merchantId(), request.operatorId(), request.action(), view.amount(),
                request.action() == ConsoleAction.Kind.CHANGE_POLICY ? request.policy() : null,
                blankToNull(request.reason()), clock.instant());
        // audited before it is published; a command that could not be published leaves no audit row behind
        return audit.record(action).flatMap(first -> first
                ? publisher.publish(action).thenReturn(Outcome.ISSUED)
                        .onErrorResume(e -> audit.forget(action.commandId()).then(Mono.error(e)))
                : Mono.just(Outcome.DUPLICATE));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
