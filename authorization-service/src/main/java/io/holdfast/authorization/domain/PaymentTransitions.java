package io.holdfast.authorization.domain;

import static io.holdfast.authorization.domain.PaymentStatus.AUTHORIZED;
import static io.holdfast.authorization.domain.PaymentStatus.AUTH_DECLINED;
import static io.holdfast.authorization.domain.PaymentStatus.AUTH_PENDING;
import static io.holdfast.authorization.domain.PaymentStatus.AUTH_REQUESTED;
import static io.holdfast.authorization.domain.PaymentStatus.AUTH_UNKNOWN;
import static io.holdfast.authorization.domain.PaymentStatus.CANCEL_FAILED;
import static io.holdfast.authorization.domain.PaymentStatus.CANCEL_REQUESTED;
import static io.holdfast.authorization.domain.PaymentStatus.CANCEL_UNKNOWN;
import static io.holdfast.authorization.domain.PaymentStatus.VOIDED;
import static io.holdfast.authorization.domain.PaymentTrigger.AUTHORIZATION_FAILED;
import static io.holdfast.authorization.domain.PaymentTrigger.AUTHORIZATION_IN_PROCESS;
import static io.holdfast.authorization.domain.PaymentTrigger.AUTHORIZATION_NEVER_CREATED;
import static io.holdfast.authorization.domain.PaymentTrigger.AUTHORIZATION_OUTCOME_UNKNOWN;
import static io.holdfast.authorization.domain.PaymentTrigger.AUTHORIZATION_SUCCEEDED;
import static io.holdfast.authorization.domain.PaymentTrigger.CANCEL_ORDERED;
import static io.holdfast.authorization.domain.PaymentTrigger.CANCEL_OUTCOME_UNKNOWN;
import static io.holdfast.authorization.domain.PaymentTrigger.CANCEL_REFUSED;
import static io.holdfast.authorization.domain.PaymentTrigger.CANCEL_REFUSED_BEFORE_OUTCOME;
import static io.holdfast.authorization.domain.PaymentTrigger.CANCEL_SUCCEEDED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * THE transition table of the payment state machine: {@code (from, trigger) -> to}. A pair that is not listed is
 * not a transition: the payment stays where it is (a stale or duplicate fact never moves a payment backwards, e.g.
 * a late success never turns VOIDED into AUTHORIZED). Everything else (events, diagram, assertions) derives from it.
 */
public final class PaymentTransitions {

    /** One row of the table. */
    public record Row(PaymentStatus from, PaymentTrigger trigger, PaymentStatus to) {
    }

    private static final Map<PaymentStatus, Map<PaymentTrigger, PaymentStatus>> TABLE = new EnumMap<>(PaymentStatus.class);
    private static final List<Row> ROWS = new ArrayList<>();

    static {
        on(AUTH_REQUESTED, AUTHORIZATION_SUCCEEDED, AUTHORIZED);
        on(AUTH_REQUESTED, AUTHORIZATION_IN_PROCESS, AUTH_PENDING);
        on(AUTH_REQUESTED, AUTHORIZATION_FAILED, AUTH_DECLINED);
        on(AUTH_REQUESTED, AUTHORIZATION_NEVER_CREATED, AUTH_DECLINED);
        on(AUTH_REQUESTED, AUTHORIZATION_OUTCOME_UNKNOWN, AUTH_UNKNOWN);
        on(AUTH_REQUESTED, CANCEL_ORDERED, CANCEL_REQUESTED);

        on(AUTH_PENDING, AUTHORIZATION_SUCCEEDED, AUTHORIZED);
        on(AUTH_PENDING, AUTHORIZATION_FAILED, AUTH_DECLINED);
        on(AUTH_PENDING, CANCEL_ORDERED, CANCEL_REQUESTED);

        on(AUTH_UNKNOWN, AUTHORIZATION_SUCCEEDED, AUTHORIZED);
        on(AUTH_UNKNOWN, AUTHORIZATION_IN_PROCESS, AUTH_PENDING);
        on(AUTH_UNKNOWN, AUTHORIZATION_FAILED, AUTH_DECLINED);
        on(AUTH_UNKNOWN, AUTHORIZATION_NEVER_CREATED, AUTH_DECLINED);
        on(AUTH_UNKNOWN, CANCEL_ORDERED, CANCEL_REQUESTED);

        on(AUTHORIZED, CANCEL_ORDERED, CANCEL_REQUESTED);

        // a success after a decline is an anomaly that holds the buyer's money: void it
        on(AUTH_DECLINED, AUTHORIZATION_SUCCEEDED, CANCEL_REQUESTED);

        on(CANCEL_REQUESTED, CANCEL_SUCCEEDED, VOIDED);
        on(CANCEL_REQUESTED, CANCEL_REFUSED, CANCEL_FAILED);
        // a give-up cancel refused: the authorization's own outcome is still to be learned by inquiry
        on(CANCEL_REQUESTED, CANCEL_REFUSED_BEFORE_OUTCOME, AUTH_UNKNOWN);
        on(CANCEL_REQUESTED, CANCEL_OUTCOME_UNKNOWN, CANCEL_UNKNOWN);

        on(CANCEL_UNKNOWN, CANCEL_SUCCEEDED, VOIDED);
        on(CANCEL_UNKNOWN, CANCEL_REFUSED, CANCEL_FAILED);
        on(CANCEL_UNKNOWN, CANCEL_REFUSED_BEFORE_OUTCOME, AUTH_UNKNOWN);

        // Antom: after a cancel the order must stay CANCELLED even if a success arrives later; we cancel again
        on(VOIDED, AUTHORIZATION_SUCCEEDED, CANCEL_REQUESTED);
    }

    private PaymentTransitions() {
    }

    private static void on(PaymentStatus from, PaymentTrigger trigger, PaymentStatus to) {
        PaymentStatus previous = TABLE.computeIfAbsent(from, f -> new EnumMap<>(PaymentTrigger.class)).put(trigger, to);
        if (previous != null) {
            throw new IllegalStateException("duplicate transition " + from + " x " + trigger);
        }
        ROWS.add(new Row(from, trigger, to));
    }

    /** Where {@code trigger} takes a payment in {@code from}; empty when it does not move it. */
    public static Optional<PaymentStatus> next(PaymentStatus from, PaymentTrigger trigger) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(trigger));
    }

    /** Asserts that {@code (from, trigger) -> to} is a row of the table. */
    public static void check(PaymentStatus from, PaymentTrigger trigger, PaymentStatus to) {
        if (next(from, trigger).orElse(null) != to) {
            throw new IllegalStateException("illegal transition " + from + " --" + trigger + "--> " + to);
        }
    }

    /** All rows, in declaration order. */
    public static List<Row> rows() {
        return Collections.unmodifiableList(ROWS);
    }

    /** The state every payment starts in (the write-ahead attempt). */
    public static PaymentStatus initial() {
        return AUTH_REQUESTED;
    }
}
