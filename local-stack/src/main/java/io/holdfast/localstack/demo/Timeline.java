package io.holdfast.localstack.demo;

import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.common.RefundTotals;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CancelFailed;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RefundFailed;
import io.holdfast.schemas.event.RefundRequested;
import io.holdfast.schemas.event.RefundSucceeded;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line per event: when it happened (Holdfast's clock), the payment, the event type and its key fields. */
public final class Timeline {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Timeline() {
    }

    public static String line(PaymentEvent event) {
        Object payload = event.getPayload();
        return String.format("  %s  %-28s %-27s %s", TIME.format(event.getOccurredAt()), event.getPaymentRequestId(),
                payload.getClass().getSimpleName(), details(payload));
    }

    /** The payload's key fields. */
    public static String details(Object payload) {
        if (payload instanceof PaymentAuthorized p) {
            return "paymentId=" + p.getPaymentId() + " " + money(p.getAmount()) + " " + p.getCaptureMode()
                    + (p.getAuthExpiryTime() == null ? "" : " authExpiry=" + TIME.format(p.getAuthExpiryTime()))
                    + (p.getDeadlinePolicy() == null ? "" : " policy=" + p.getDeadlinePolicy());
        }
        if (payload instanceof PaymentActionRequired p) {
            return "3DS challenge at " + p.getRedirectUrl();
        }
        if (payload instanceof PaymentDeclined p) {
            return p.getResultCode() + " advised=" + p.getAdvisedAction();
        }
        if (payload instanceof AuthorizationCancelled p) {
            return "by " + p.getInitiator() + (p.getReason() == null ? "" : " (" + p.getReason() + ")");
        }
        if (payload instanceof CancelFailed p) {
            return p.getResultCode() + (p.getResultMessage() == null ? "" : " " + p.getResultMessage());
        }
        if (payload instanceof CaptureScheduled p) {
            return money(p.getAmount()) + " at " + TIME.format(p.getCaptureAt()) + " deadline " + TIME.format(p.getDeadline());
        }
        if (payload instanceof CaptureSucceeded p) {
            return money(p.getAmount()) + " " + p.getCaptureMode() + " captureId=" + p.getCaptureId();
        }
        if (payload instanceof CaptureFailed p) {
            return p.getResultCode() + " " + money(p.getAmount());
        }
        if (payload instanceof CaptureDeadlineApproaching p) {
            return "T-" + Duration.ofMillis(p.getOffsetMillis()).toHours() + "h deadline " + TIME.format(p.getDeadline())
                    + " policy=" + p.getPolicy();
        }
        if (payload instanceof AuthorizationExpired p) {
            return money(p.getAmount()) + " deadline " + TIME.format(p.getDeadline());
        }
        if (payload instanceof CommandRejected p) {
            return p.getReason() + (p.getField() == null ? "" : " " + p.getField()) + ": " + p.getMessage()
                    + (p.getAdvice() == null ? "" : " (advice: " + p.getAdvice() + ")");
        }
        if (payload instanceof RefundRequested p) {
            return money(p.getAmount()) + " refundRequestId=" + p.getRefundRequestId() + " " + totals(p.getTotals());
        }
        if (payload instanceof RefundSucceeded p) {
            return money(p.getAmount()) + " refundId=" + p.getRefundId() + " " + totals(p.getTotals());
        }
        if (payload instanceof RefundFailed p) {
            return p.getResultCode() + " " + money(p.getAmount()) + " advised=" + p.getAdvisedAction() + " "
                    + totals(p.getTotals());
        }
        throw new IllegalStateException("unhandled event payload " + payload.getClass().getName());
    }

    static String totals(RefundTotals t) {
        return "[captured " + t.getCaptured().getValueMinor() + ", refunded " + t.getRefunded().getValueMinor()
                + ", pending " + t.getPending().getValueMinor() + ", refundable " + t.getRefundable().getValueMinor()
                + "]";
    }

    static String money(Money money) {
        return money.getCurrency() + " " + money.getValueMinor() + " (minor)";
    }
}
