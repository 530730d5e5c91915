package io.holdfast.alipay.sandbox.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/** Everything the operations share. Only touched while holding the engine's lock. */
final class SandboxState {

    final Clock clock;
    final IdGenerator ids;
    final Ledger ledger;
    final NotificationSink notifications;
    final EngineSettings settings;
    final PaymentViews views;

    private final Map<String, Payment> byPaymentId = new HashMap<>();
    private final Map<String, Payment> byRequestId = new HashMap<>();
    private final Map<String, StoredCapture> captures = new HashMap<>();
    private final Map<String, Vaulting> vaultings = new HashMap<>();
    private final Map<String, Card> tokens = new HashMap<>();
    private final Map<String, RefundRecord> refunds = new HashMap<>();
    private final Map<String, RefundRecord> refundsById = new HashMap<>();
    private final Map<String, StoredRefund> rejectedRefunds = new HashMap<>();
    /**
     * What comes due, by time: an authorization's expiry, an unfinished challenge's close, a capture or a refund in
     * process. The lifecycle takes from here what is due instead of looking at every payment ever made, so an API
     * call costs the same after a million payments as after ten. An entry whose payment moved on meanwhile is
     * dropped when taken (the lifecycle checks each payment's state).
     */
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at)
            .thenComparingLong(Due::order));
    private long dueOrder;

    private record Due(Instant at, long order, Payment payment) {
    }

    SandboxState(Clock clock, IdGenerator ids, Ledger ledger, NotificationSink notifications, EngineSettings settings) {
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
        this.notifications = notifications;
        this.settings = settings;
        this.views = new PaymentViews(settings.offset());
    }

    Instant now() {
        return clock.instant();
    }

    String time(Instant instant) {
        return Times.format(instant, settings.offset());
    }

    void add(Payment payment) {
        byPaymentId.put(payment.paymentId(), payment);
        byRequestId.put(key(payment.clientId(), payment.paymentRequestId()), payment);
    }

    Payment byPaymentId(String clientId, String paymentId) {
        Payment payment = byPaymentId.get(paymentId);
        return payment != null && payment.clientId().equals(clientId) ? payment : null;
    }

    Payment byPaymentId(String paymentId) {
        return byPaymentId.get(paymentId);
    }

    Payment byRequestId(String clientId, String paymentRequestId) {
        return byRequestId.get(key(clientId, paymentRequestId));
    }

    /** Something of {@code payment} comes due at {@code at}: {@link #takeDue} hands it over from then on. */
    void watch(Payment payment, Instant at) {
        due.add(new Due(at, dueOrder++, payment));
    }

    /** The payments with something due by {@code now}, each once, in due order; taken off the watch list. */
    List<Payment> takeDue(Instant now) {
        if (due.isEmpty() || due.peek().at().isAfter(now)) {
            return List.of();
        }
        Set<Payment> taken = new LinkedHashSet<>();
        while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
            taken.add(due.poll().payment());
        }
        return new ArrayList<>(taken);
    }

    List<Payment> payments() {
        return new ArrayList<>(byPaymentId.values());
    }

    StoredCapture capture(String clientId, String captureRequestId) {
        return captures.get(key(clientId, captureRequestId));
    }

    void storeCapture(String clientId, StoredCapture capture) {
        captures.put(key(clientId, capture.captureRequestId()), capture);
    }

    RefundRecord refund(String clientId, String refundRequestId) {
        return refunds.get(key(clientId, refundRequestId));
    }

    RefundRecord refundById(String clientId, String refundId) {
        RefundRecord refund = refundsById.get(refundId);
        return refund != null && refund.clientId().equals(clientId) ? refund : null;
    }

    void storeRefund(RefundRecord refund) {
        refunds.put(key(refund.clientId(), refund.refundRequestId()), refund);
        refundsById.put(refund.refundId(), refund);
    }

    StoredRefund rejectedRefund(String clientId, String refundRequestId) {
        return rejectedRefunds.get(key(clientId, refundRequestId));
    }

    void storeRejectedRefund(String clientId, StoredRefund refund) {
        rejectedRefunds.put(key(clientId, refund.refundRequestId()), refund);
    }

    Vaulting vaulting(String clientId, String vaultingRequestId) {
        return vaultings.get(key(clientId, vaultingRequestId));
    }

    void storeVaulting(String clientId, Vaulting vaulting) {
        vaultings.put(key(clientId, vaulting.vaultingRequestId()), vaulting);
    }

    String issueToken(String clientId, Card card) {
        String token = ids.next(IdKind.CARD_TOKEN);
        tokens.put(key(clientId, token), card);
        return token;
    }

    Card tokenCard(String clientId, String token) {
        return tokens.get(key(clientId, token));
    }

    void notify(NotificationType type, String clientId, String url, tools.jackson.databind.node.ObjectNode body,
            String orderingKey) {
        if (url != null) {
            notifications.enqueue(new OutboundNotification(type, clientId, url, body, orderingKey));
        }
    }

    private static String key(String clientId, String id) {
        return clientId + '\n' + id;
    }

    /** A capture request already answered with a final result, for idempotent replay. */
    record StoredCapture(String captureRequestId, String paymentId, Amount amount,
            tools.jackson.databind.node.ObjectNode response) {
    }

    /** A refund request refused at acceptance (F), for idempotent replay; never created, so never inquirable. */
    record StoredRefund(String refundRequestId, String paymentId, Amount amount,
            tools.jackson.databind.node.ObjectNode response) {
    }

    /** A vaulting request already answered, for idempotent replay. */
    record Vaulting(String vaultingRequestId, String cardNumber, tools.jackson.databind.node.ObjectNode response) {
    }
}
