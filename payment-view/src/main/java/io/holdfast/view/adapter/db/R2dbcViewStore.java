package io.holdfast.view.adapter.db;

import io.holdfast.view.application.ViewQuery;
import io.holdfast.view.application.ViewStore;
import io.holdfast.view.domain.CardSummary;
import io.holdfast.view.domain.Facts;
import io.holdfast.view.domain.Money;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.RefundTotals;
import io.holdfast.view.domain.TimelineEntry;
import io.holdfast.view.domain.ViewStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The view's tables in PostgreSQL ({@code V1__payment_view.sql}). */
final class R2dbcViewStore implements ViewStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String COLUMNS = "payment_request_id, payment_id, merchant_id, status, amount_minor, currency, "
            + "capture_mode, card_masked, card_brand, deadline, deadline_policy, warnings_sent, captured_minor, "
            + "refunded_minor, refund_pending_minor, refundable_minor, created_at, updated_at";

    private final DatabaseClient db;

    R2dbcViewStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> append(TimelineEntry e) {
        TimelineEntry.Envelope env = e.envelope();
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into view_event (event_id, payment_request_id, "
                + "payment_id, merchant_id, occurred_at, causation_id, type, payload_json) values (:eventId, :prId, "
                + ":paymentId, :merchantId, :occurredAt, :causationId, :type, :payload) on conflict do nothing")
                .bind("eventId", env.eventId()).bind("prId", env.paymentRequestId())
                .bind("occurredAt", utc(env.occurredAt())).bind("type", e.type()).bind("payload", e.payloadJson());
        spec = bindNullable(spec, "paymentId", env.paymentId(), String.class);
        spec = bindNullable(spec, "merchantId", env.merchantId(), String.class);
        spec = bindNullable(spec, "causationId", env.causationId(), String.class);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Flux<TimelineEntry> timeline(String paymentRequestId) {
        return db.sql("select * from view_event where payment_request_id = :prId")
                .bind("prId", paymentRequestId)
                .map(R2dbcViewStore::entry).all();
    }

    static TimelineEntry entry(Readable row) {
        String type = row.get("type", String.class);
        String json = row.get("payload_json", String.class);
        return new TimelineEntry(new TimelineEntry.Envelope(row.get("event_id", String.class),
                row.get("payment_request_id", String.class), row.get("payment_id", String.class),
                row.get("merchant_id", String.class), instant(row, "occurred_at"),
                row.get("causation_id", String.class)), type, json, Facts.of(type, parse(json)));
    }

    static Map<String, Object> parse(String json) {
        Map<String, Object> map = JSON.readValue(json, MAP);
        return map == null ? new LinkedHashMap<>() : map;
    }

    @Override
    public Mono<Void> save(PaymentView v) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into view_payment (" + COLUMNS + ") values ("
                + ":prId, :paymentId, :merchantId, :status, :amountMinor, :currency, :captureMode, :cardMasked, "
                + ":cardBrand, :deadline, :policy, :warnings, :captured, :refunded, :pending, :refundable, :createdAt, "
                + ":updatedAt) on conflict (payment_request_id) do update set payment_id = excluded.payment_id, "
                + "merchant_id = excluded.merchant_id, status = excluded.status, amount_minor = excluded.amount_minor, "
                + "currency = excluded.currency, capture_mode = excluded.capture_mode, "
                + "card_masked = excluded.card_masked, card_brand = excluded.card_brand, "
                + "deadline = excluded.deadline, deadline_policy = excluded.deadline_policy, "
                + "warnings_sent = excluded.warnings_sent, captured_minor = excluded.captured_minor, "
                + "refunded_minor = excluded.refunded_minor, refund_pending_minor = excluded.refund_pending_minor, "
                + "refundable_minor = excluded.refundable_minor, created_at = excluded.created_at, "
                + "updated_at = excluded.updated_at")
                .bind("prId", v.ids().paymentRequestId()).bind("status", v.status().name())
                .bind("warnings", v.deadline().warningsSent())
                .bind("createdAt", utc(v.times().createdAt())).bind("updatedAt", utc(v.times().updatedAt()));
        spec = bindNullable(spec, "paymentId", v.ids().paymentId(), String.class);
        spec = bindNullable(spec, "merchantId", v.ids().merchantId(), String.class);
        spec = bindNullable(spec, "amountMinor", v.amount() == null ? null : v.amount().valueMinor(), Long.class);
        spec = bindNullable(spec, "currency", v.amount() == null ? null : v.amount().currency(), String.class);
        spec = bindNullable(spec, "captureMode", v.captureMode(), String.class);
        spec = bindCard(spec, v);
        spec = bindNullable(spec, "deadline", v.deadline().at() == null ? null : utc(v.deadline().at()),
                OffsetDateTime.class);
        spec = bindNullable(spec, "policy", v.deadline().policy(), String.class);
        return bindRefunds(spec, v.refunds()).fetch().rowsUpdated().then();
    }

    private static DatabaseClient.GenericExecuteSpec bindCard(DatabaseClient.GenericExecuteSpec spec, PaymentView v) {
        CardSummary card = v.card();
        return bindNullable(bindNullable(spec, "cardMasked", card == null ? null : card.maskedCardNo(), String.class),
                "cardBrand", card == null ? null : card.brand(), String.class);
    }

    private static DatabaseClient.GenericExecuteSpec bindRefunds(DatabaseClient.GenericExecuteSpec spec,
            RefundTotals r) {
        if (r == null) {
            return spec.bindNull("captured", Long.class).bindNull("refunded", Long.class)
                    .bindNull("pending", Long.class).bindNull("refundable", Long.class);
        }
        return spec.bind("captured", r.capturedMinor()).bind("refunded", r.refundedMinor())
                .bind("pending", r.pendingMinor()).bind("refundable", r.refundableMinor());
    }

    @Override
    public Mono<PaymentView> find(String paymentRequestId) {
        return db.sql("select * from view_payment where payment_request_id = :prId").bind("prId", paymentRequestId)
                .map(R2dbcViewStore::view).one();
    }

    @Override
    public Flux<PaymentView> search(ViewQuery q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (q.merchantId() != null) {
            where.add("merchant_id = :merchantId");
            binds.put("merchantId", q.merchantId());
        }
        if (q.status() != null) {
            where.add("status = :status");
            binds.put("status", q.status().name());
        }
        if (q.deadlineBefore() != null) {
            where.add("deadline < :deadlineBefore");
            binds.put("deadlineBefore", utc(q.deadlineBefore()));
        }
        if (q.createdAfter() != null) {
            where.add("created_at > :createdAfter");
            binds.put("createdAfter", utc(q.createdAfter()));
        }
        if (q.text() != null) {
            where.add("(payment_request_id = :text or payment_id = :text or merchant_id = :text)");
            binds.put("text", q.text());
        }
        if (q.after() != null) {
            where.add("(created_at, payment_request_id) < (:afterCreated, :afterId)");
            binds.put("afterCreated", utc(q.after().createdAt()));
            binds.put("afterId", q.after().paymentRequestId());
        }
        String sql = "select * from view_payment" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by created_at desc, payment_request_id desc limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", q.limit());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(R2dbcViewStore::view).all();
    }

    @Override
    public Flux<PaymentView> openManual() {
        return db.sql("select * from view_payment where status in ('AUTHORIZED', 'CAPTURE_SCHEDULED', "
                + "'CAPTURE_FAILED') and capture_mode = 'MANUAL' and deadline is not null order by deadline")
                .map(R2dbcViewStore::view).all();
    }

    @Override
    public Mono<Void> truncate() {
        return db.sql("truncate view_event, view_payment").then()
                .then(db.sql("delete from inbox where source = :source").bind("source", R2dbcEventInbox.SOURCE)
                        .then());
    }

    private static PaymentView view(Readable row) {
        Long amountMinor = row.get("amount_minor", Long.class);
        Long captured = row.get("captured_minor", Long.class);
        String masked = row.get("card_masked", String.class);
        String brand = row.get("card_brand", String.class);
        return new PaymentView(new PaymentView.Ids(row.get("payment_request_id", String.class),
                row.get("payment_id", String.class), row.get("merchant_id", String.class)),
                ViewStatus.valueOf(row.get("status", String.class)),
                amountMinor == null ? null : new Money(amountMinor, row.get("currency", String.class)),
                row.get("capture_mode", String.class),
                masked == null && brand == null ? null : new CardSummary(masked, brand),
                new PaymentView.Deadline(instant(row, "deadline"), row.get("deadline_policy", String.class),
                        row.get("warnings_sent", Integer.class)),
                captured == null ? null : new RefundTotals(captured, row.get("refunded_minor", Long.class),
                        row.get("refund_pending_minor", Long.class), row.get("refundable_minor", Long.class)),
                new PaymentView.Times(instant(row, "created_at"), instant(row, "updated_at")));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
