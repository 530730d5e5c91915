package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link PaymentStore} in memory, with the same version check as the database (no transactions needed here). */
final class InMemoryPaymentStore implements PaymentStore {

    final Map<String, Payment> payments = new ConcurrentHashMap<>();
    final Map<String, List<Transition>> timelines = new ConcurrentHashMap<>();
    final Set<String> inbox = ConcurrentHashMap.newKeySet();
    final Map<String, String> commandFingerprints = new ConcurrentHashMap<>();
    final List<OutboundEvent> outbox = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Payment> find(String paymentRequestId) {
        return Mono.justOrEmpty(payments.get(paymentRequestId));
    }

    @Override
    public Mono<Boolean> markProcessed(String messageId, String source, Instant at) {
        return Mono.just(inbox.add(source + "/" + messageId));
    }

    @Override
    public Mono<CommandSighting> recordCommand(String commandId, String source, String fingerprint, Instant at) {
        String stored = commandFingerprints.putIfAbsent(source + "/" + commandId, fingerprint);
        if (stored == null) {
            return Mono.just(CommandSighting.FIRST);
        }
        return Mono.just(stored.equals(fingerprint) ? CommandSighting.REDELIVERY : CommandSighting.CONFLICT);
    }

    @Override
    public Mono<Payment> insert(Payment payment, Transition first) {
        if (payments.putIfAbsent(payment.paymentRequestId(), payment) != null) {
            return Mono.empty();
        }
        timelines.computeIfAbsent(payment.paymentRequestId(), id -> new CopyOnWriteArrayList<>()).add(first);
        return find(payment.paymentRequestId());
    }

    @Override
    public Mono<Payment> update(Payment payment, Transition transition) {
        Payment stored = payments.get(payment.paymentRequestId());
        if (stored.version() != payment.version()) {
            return Mono.error(new ConcurrentUpdateException(payment.paymentRequestId(), payment.version()));
        }
        payments.put(payment.paymentRequestId(), bump(payment));
        timelines.get(payment.paymentRequestId()).add(transition);
        return find(payment.paymentRequestId());
    }

    @Override
    public Mono<Payment> updateSchedule(Payment payment) {
        Payment stored = payments.get(payment.paymentRequestId());
        if (stored.version() != payment.version()) {
            return Mono.empty();
        }
        payments.put(payment.paymentRequestId(), bump(stored.withReconciliation(payment.reconciliation())));
        return find(payment.paymentRequestId());
    }

    @Override
    public Mono<Void> append(List<OutboundEvent> events) {
        outbox.addAll(events);
        return Mono.empty();
    }

    @Override
    public Flux<Payment> dueForReconciliation(Instant now, int limit) {
        return Flux.fromIterable(new ArrayList<>(payments.values()))
                .filter(p -> p.reconciliation() != null && !p.reconciliation().nextCheckAt().isAfter(now))
                .sort(Comparator.comparing(p -> p.reconciliation().nextCheckAt())).take(limit);
    }

    @Override
    public Flux<Transition> timeline(String paymentRequestId) {
        return Flux.fromIterable(timelines.getOrDefault(paymentRequestId, List.of()));
    }

    @Override
    public Mono<PaymentStatistics> statistics() {
        Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
        payments.values().forEach(p -> counts.merge(p.status(), 1L, Long::sum));
        return Mono.just(new PaymentStatistics(counts, 0, null));
    }

    private static Payment bump(Payment p) {
        return new Payment(p.paymentRequestId(), p.merchantId(), p.status(), p.amount(), p.captureMode(),
                p.deadlinePolicy(), p.fingerprint(), p.paymentId(), p.authorization(), p.lastResult(), p.cancel(),
                p.unresolvedSince(), p.reconciliation(), p.createdAt(), p.updatedAt(), p.version() + 1);
    }
}
