package io.holdfast.authorization.adapter.db;

import static io.holdfast.authorization.adapter.db.Sql.bind;
import static io.holdfast.authorization.adapter.db.Sql.name;

import io.holdfast.authorization.application.CommandSighting;
import io.holdfast.authorization.application.ConcurrentUpdateException;
import io.holdfast.authorization.application.OutboundEvent;
import io.holdfast.authorization.application.PaymentStatistics;
import io.holdfast.authorization.application.PaymentStore;
import io.holdfast.authorization.domain.CardSummary;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.Transition;
import io.holdfast.messaging.inbox.InboxSighting;
import io.holdfast.messaging.inbox.R2dbcInboxStore;
import io.holdfast.messaging.outbox.OutboxEntry;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link PaymentStore} on R2DBC PostgreSQL; every write joins the caller's reactive transaction. */
public final class R2dbcPaymentStore implements PaymentStore {

    private static final String COLUMNS = "payment_request_id, merchant_id, status, amount_minor, currency, "
            + "capture_mode, deadline_policy, fingerprint, payment_id, authorized_at, auth_expiry_time, card_masked_no, "
            + "card_brand, card_funding, card_issuing_country, result_code, result_message, cancel_initiator, "
            + "cancel_reason, cancelled_at, unresolved_since, reconcile_attempts, next_check_at, created_at, "
            + "updated_at, version";
    private static final String VALUES = ":id, :merchantId, :status, :amountMinor, :currency, :captureMode, "
            + ":deadlinePolicy, :fingerprint, :paymentId, :authorizedAt, :authExpiryTime, :cardMaskedNo, :cardBrand, "
            + ":cardFunding, :cardCountry, :resultCode, :resultMessage, :cancelInitiator, :cancelReason, "
            + ":cancelledAt, :unresolvedSince, :reconcileAttempts, :nextCheckAt, :createdAt, :updatedAt, :version";
    private static final String UNRESOLVED = "('AUTH_REQUESTED', 'AUTH_UNKNOWN', 'CANCEL_REQUESTED', 'CANCEL_UNKNOWN')";

    private final DatabaseClient db;
    private final OutboxEncoder encoder;
    private final String eventsTopic;
    private final R2dbcOutboxStore outbox;
    private final R2dbcInboxStore inbox;

    public R2dbcPaymentStore(DatabaseClient db, OutboxEncoder encoder, String eventsTopic, R2dbcOutboxStore outbox,
            R2dbcInboxStore inbox) {
        this.db = db;
        this.encoder = encoder;
        this.eventsTopic = eventsTopic;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Override
    public Mono<Payment> find(String paymentRequestId) {
        return db.sql("select * from payment where payment_request_id = :id").bind("id", paymentRequestId)
                .map(PaymentRows::payment).one();
    }

    @Override
    public Mono<Boolean> markProcessed(String messageId, String source, Instant at) {
        return inbox.firstTime(source, messageId, at); // the shared inbox (messaging module)
    }

    @Override
    public Mono<CommandSighting> recordCommand(String commandId, String source, String fingerprint, Instant at) {
        return inbox.recordCommand(source, commandId, fingerprint, at).map(R2dbcPaymentStore::sighting);
    }

    private static CommandSighting sighting(InboxSighting sighting) {
        return switch (sighting) {
            case FIRST -> CommandSighting.FIRST;
            case REDELIVERY -> CommandSighting.REDELIVERY;
            case CONFLICT -> CommandSighting.CONFLICT;
        };
    }

    @Override
    public Mono<Payment> insert(Payment payment, Transition first) {
        // the row as stored (RETURNING: timestamps at the database's precision) without a second round trip
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into payment (" + COLUMNS + ") values (" + VALUES
                + ") on conflict (payment_request_id) do nothing returning *");
        return bindPayment(spec, payment, 0).map(PaymentRows::payment).one()
                .flatMap(stored -> appendTransition(payment.paymentRequestId(), first).thenReturn(stored));
    }

    @Override
    public Mono<Payment> update(Payment payment, Transition transition) {
        return updateRow(payment)
                .switchIfEmpty(Mono.error(() -> new ConcurrentUpdateException(payment.paymentRequestId(),
                        payment.version())))
                .flatMap(stored -> appendTransition(payment.paymentRequestId(), transition).thenReturn(stored));
    }

    @Override
    public Mono<Payment> updateSchedule(Payment payment) {
        Payment.Reconciliation schedule = payment.reconciliation();
        DatabaseClient.GenericExecuteSpec spec = db.sql("update payment set reconcile_attempts = :attempts, "
                        + "next_check_at = :next, version = version + 1 where payment_request_id = :id "
                        + "and version = :version returning *")
                .bind("id", payment.paymentRequestId()).bind("version", payment.version());
        spec = bind(spec, "attempts", schedule == null ? null : schedule.attempts(), Integer.class);
        spec = bind(spec, "next", schedule == null ? null : schedule.nextCheckAt(), Instant.class);
        return spec.map(PaymentRows::payment).one();
    }

    @Override
    public Mono<Void> append(List<OutboundEvent> events) {
        // the shared outbox (messaging module): keyed by paymentRequestId, the unit of publication order
        return outbox.append(events.stream().map(event -> new OutboxEntry(event.eventId(), eventsTopic,
                event.paymentRequestId(), encoder.eventType(event), encoder.encode(event), event.occurredAt()))
                .toList());
    }

    @Override
    public Flux<Payment> dueForReconciliation(Instant now, int limit) {
        return db.sql("select * from payment where next_check_at <= :now order by next_check_at limit :limit")
                .bind("now", now).bind("limit", limit).map(PaymentRows::payment).all();
    }

    @Override
    public Flux<Transition> timeline(String paymentRequestId) {
        return db.sql("select * from payment_transition where payment_request_id = :id order by id")
                .bind("id", paymentRequestId).map(PaymentRows::transition).all();
    }

    @Override
    public Mono<PaymentStatistics> statistics() {
        Mono<Map<PaymentStatus, Long>> counts = db.sql("select status, count(*) as n from payment group by status")
                .map(row -> Map.entry(PaymentStatus.valueOf(row.get("status", String.class)),
                        row.get("n", Long.class)))
                .all().collectList().map(entries -> {
                    Map<PaymentStatus, Long> map = new EnumMap<>(PaymentStatus.class);
                    for (PaymentStatus status : PaymentStatus.values()) {
                        map.put(status, 0L);
                    }
                    entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
                    return map;
                });
        Mono<PaymentStatistics> unknown = db.sql("select count(*) as n, min(unresolved_since) as oldest from payment "
                        + "where status in " + UNRESOLVED)
                .map(row -> new PaymentStatistics(Map.of(), row.get("n", Long.class), row.get("oldest", Instant.class)))
                .one();
        return counts.zipWith(unknown, (map, stats) -> new PaymentStatistics(map, stats.unknownCount(),
                stats.oldestUnknownSince()));
    }

    private Mono<Payment> updateRow(Payment payment) {
        String assignments = "merchant_id = :merchantId, status = :status, amount_minor = :amountMinor, "
                + "currency = :currency, capture_mode = :captureMode, deadline_policy = :deadlinePolicy, "
                + "fingerprint = :fingerprint, payment_id = :paymentId, authorized_at = :authorizedAt, "
                + "auth_expiry_time = :authExpiryTime, card_masked_no = :cardMaskedNo, card_brand = :cardBrand, "
                + "card_funding = :cardFunding, card_issuing_country = :cardCountry, result_code = :resultCode, "
                + "result_message = :resultMessage, cancel_initiator = :cancelInitiator, "
                + "cancel_reason = :cancelReason, cancelled_at = :cancelledAt, unresolved_since = :unresolvedSince, "
                + "reconcile_attempts = :reconcileAttempts, next_check_at = :nextCheckAt, created_at = :createdAt, "
                + "updated_at = :updatedAt, version = :version";
        DatabaseClient.GenericExecuteSpec spec = db.sql("update payment set " + assignments
                + " where payment_request_id = :id and version = :expectedVersion returning *")
                .bind("expectedVersion", payment.version());
        return bindPayment(spec, payment, payment.version() + 1).map(PaymentRows::payment).one();
    }

    private Mono<Long> appendTransition(String paymentRequestId, Transition transition) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into payment_transition (payment_request_id, "
                        + "from_status, to_status, trigger, cause_kind, causation_id, detail, occurred_at) values "
                        + "(:id, :from, :to, :trigger, :kind, :causationId, :detail, :at)")
                .bind("id", paymentRequestId).bind("to", transition.to().name())
                .bind("kind", transition.cause().kind().name()).bind("at", transition.at());
        spec = bind(spec, "from", name(transition.from()), String.class);
        spec = bind(spec, "trigger", name(transition.trigger()), String.class);
        spec = bind(spec, "causationId", transition.cause().causationId(), String.class);
        spec = bind(spec, "detail", truncate(transition.cause().detail(), 1024), String.class);
        return spec.fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindPayment(DatabaseClient.GenericExecuteSpec base,
            Payment p, long version) {
        Payment.Authorization auth = p.authorization();
        CardSummary card = auth == null ? null : auth.card();
        Payment.CancelOrder cancel = p.cancel();
        Payment.Reconciliation schedule = p.reconciliation();
        DatabaseClient.GenericExecuteSpec spec = base.bind("id", p.paymentRequestId()).bind("status", p.status().name())
                .bind("amountMinor", p.amount().valueMinor()).bind("currency", p.amount().currency())
                .bind("captureMode", p.captureMode().name()).bind("fingerprint", p.fingerprint())
                .bind("createdAt", p.createdAt()).bind("updatedAt", p.updatedAt()).bind("version", version);
        spec = bind(spec, "merchantId", p.merchantId(), String.class);
        spec = bind(spec, "deadlinePolicy", name(p.deadlinePolicy()), String.class);
        spec = bind(spec, "paymentId", p.paymentId(), String.class);
        spec = bind(spec, "authorizedAt", auth == null ? null : auth.authorizedAt(), Instant.class);
        spec = bind(spec, "authExpiryTime", auth == null ? null : auth.authExpiryTime(), Instant.class);
        spec = bind(spec, "cardMaskedNo", card == null ? null : card.maskedCardNo(), String.class);
        spec = bind(spec, "cardBrand", card == null ? null : card.cardBrand(), String.class);
        spec = bind(spec, "cardFunding", card == null ? null : card.funding(), String.class);
        spec = bind(spec, "cardCountry", card == null ? null : card.issuingCountry(), String.class);
        spec = bind(spec, "resultCode", p.lastResult() == null ? null : p.lastResult().code(), String.class);
        spec = bind(spec, "resultMessage", p.lastResult() == null ? null
                : truncate(p.lastResult().message(), 512), String.class);
        spec = bind(spec, "cancelInitiator", cancel == null ? null : cancel.initiator().name(), String.class);
        spec = bind(spec, "cancelReason", cancel == null ? null : truncate(cancel.reason(), 512), String.class);
        spec = bind(spec, "cancelledAt", cancel == null ? null : cancel.cancelledAt(), Instant.class);
        spec = bind(spec, "unresolvedSince", p.unresolvedSince(), Instant.class);
        spec = bind(spec, "reconcileAttempts", schedule == null ? null : schedule.attempts(), Integer.class);
        return bind(spec, "nextCheckAt", schedule == null ? null : schedule.nextCheckAt(), Instant.class);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
