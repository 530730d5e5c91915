package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.Cause;
import io.holdfast.authorization.domain.Payment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * notifyPayment results (verified by notification-ingest): merged into the payment without regressions, once per
 * notificationId (inbox in the same transaction as the change).
 */
public final class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final String INBOX_SOURCE = "alipay.notifications";

    private final PaymentWorkflow workflow;

    public NotificationService(PaymentWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Applies a payment result; empty when the notification was processed before or names no payment of ours.
     */
    public Mono<Payment> onPaymentResult(String notificationId, String paymentRequestId, AuthorizationResult result) {
        Cause cause = new Cause(Cause.Kind.NOTIFICATION, notificationId, "notifyPayment: " + result);
        return workflow.unitOfWork().inTransaction(() -> workflow.store()
                        .markProcessed(notificationId, INBOX_SOURCE, workflow.clock().instant())
                        .flatMap(fresh -> {
                            if (!fresh) {
                                log.info("notification {} processed before: ignored", notificationId);
                                return Mono.empty();
                            }
                            return workflow.store().find(paymentRequestId)
                                    .switchIfEmpty(Mono.fromRunnable(() -> log.warn(
                                            "notification {} names unknown payment {}: ignored", notificationId,
                                            paymentRequestId)))
                                    .flatMap(payment -> workflow.persist(
                                            payment.apply(result, cause, workflow.clock().instant())));
                        }))
                .retryWhen(Retry.max(5).filter(ConcurrentUpdateException.class::isInstance))
                .flatMap(workflow::followUp);
    }
}
