package io.holdfast.chaos;

import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import io.holdfast.schemas.event.PaymentEvent;
import java.util.List;

/**
 * Where a payment stands for a merchant who reads its events (deduplicated on eventId), by the contract's rules:
 * Antom is the truth for a capture, so a {@code CaptureSucceeded} wins over an earlier {@code CaptureFailed}; a
 * cancel or an expiry ends an authorization; a {@code CommandRejected} alone means nothing was done.
 */
enum MerchantView {
    NONE(false),
    /** Only CommandRejected events: Holdfast refused the payment's commands and did nothing. */
    REJECTED(true),
    ACTION_REQUIRED(false),
    AUTHORIZED(false),
    DECLINED(true),
    CAPTURE_FAILED(true),
    EXPIRED(true),
    CANCELLED(true),
    CAPTURED(true);

    private final boolean terminal;

    MerchantView(boolean terminal) {
        this.terminal = terminal;
    }

    boolean isTerminal() {
        return terminal;
    }

    static MerchantView of(List<PaymentEvent> events) {
        MerchantView view = NONE;
        for (PaymentEvent event : events) {
            MerchantView next = of(event.getPayload());
            if (next.ordinal() > view.ordinal()) {
                view = next;
            }
        }
        return view;
    }

    private static MerchantView of(Object payload) {
        if (payload instanceof CaptureSucceeded) {
            return CAPTURED;
        }
        if (payload instanceof AuthorizationCancelled) {
            return CANCELLED;
        }
        if (payload instanceof AuthorizationExpired) {
            return EXPIRED;
        }
        if (payload instanceof CaptureFailed) {
            return CAPTURE_FAILED;
        }
        if (payload instanceof PaymentDeclined) {
            return DECLINED;
        }
        if (payload instanceof CommandRejected) {
            return REJECTED;
        }
        if (payload instanceof PaymentAuthorized) {
            return AUTHORIZED;
        }
        if (payload instanceof PaymentActionRequired) {
            return ACTION_REQUIRED;
        }
        return NONE;
    }

    /** The outcome the flows expect, or null when this view is not one of them. */
    Flow.Outcome outcome() {
        return switch (this) {
            case CAPTURED -> Flow.Outcome.CAPTURED;
            case CANCELLED -> Flow.Outcome.CANCELLED;
            case EXPIRED -> Flow.Outcome.EXPIRED;
            case DECLINED -> Flow.Outcome.DECLINED;
            case NONE, ACTION_REQUIRED, AUTHORIZED, REJECTED, CAPTURE_FAILED -> null;
        };
    }
}
