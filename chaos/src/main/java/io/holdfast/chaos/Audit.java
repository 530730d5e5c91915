package io.holdfast.chaos;

import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.serde.AvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The three-way audit. For every payment the workload drove it puts side by side what Antom did (the sandbox
 * ledger), what a merchant was told ({@code payments.events}, each eventId once) and what the services recorded
 * (authorization-service's {@code payment} row, capture-service's {@code capture_schedule} row), maps each to one
 * vocabulary (CAPTURED, CANCELLED, EXPIRED, DECLINED, AUTHORIZED, PENDING, NONE) and counts every way they can
 * disagree or break the money rules. It also reads every dead-letter topic, and scans every service log, every
 * topic and every database table for the card number and CVV the workload used.
 */
final class Audit {

    /** What the sandbox ledger says happened to one payment. */
    static final class LedgerFacts {
        boolean authorized;
        boolean declined;
        boolean pending;
        boolean closed;
        boolean cancelled;
        /** Cancelled while still waiting for the buyer's 3-D Secure: an abandoned challenge, given up on. */
        boolean cancelledWhilePending;
        boolean threeDsDecided;
        boolean expired;
        final List<Long> capturedAmounts = new ArrayList<>();
        final Set<String> captureRequestIds = new HashSet<>();
        int capturesRefusedAsExpired;
        int captureAttemptsAfterCancel;
        /** Refunds Antom accepted (in process or succeeded), less those that later failed: what is taken back. */
        long refundsTaken;
        final List<String> lines = new ArrayList<>();

        String truth() {
            if (!capturedAmounts.isEmpty()) {
                return "CAPTURED";
            }
            if (cancelled) {
                return "CANCELLED";
            }
            if (expired) {
                return "EXPIRED";
            }
            if (declined || closed) {
                return "DECLINED";
            }
            if (authorized) {
                return "AUTHORIZED";
            }
            return pending ? "PENDING" : "NONE";
        }
    }

    /** One database row, as text, with its status. */
    record Row(String status, Map<String, String> columns) {
    }

    private final RunningStack stack;
    private final SandboxControlClient sandbox;
    private final Workload workload;
    private final Map<String, Integer> poisonByTopic;
    private final Report report;

    Audit(RunningStack stack, SandboxControlClient sandbox, Workload workload, Map<String, Integer> poisonByTopic,
          Report report) {
        this.stack = stack;
        this.sandbox = sandbox;
        this.workload = workload;
        this.poisonByTopic = poisonByTopic;
        this.report = report;
    }

    void run() throws Exception {
        Map<String, LedgerFacts> ledger = ledger();
        Map<String, List<ConsumerRecord<String, byte[]>>> topics = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            topics.put(topic, readAll(topic));
            topics.put(Topics.deadLetter(topic), readAll(Topics.deadLetter(topic)));
        }
        Map<String, List<PaymentEvent>> events = events(topics.get(Topics.PAYMENTS_EVENTS));
        Map<String, Row> authorization = rows("authorization", "select * from payment", "payment_request_id");
        Map<String, Row> capture = rows("capture", "select * from capture_schedule", "payment_request_id");
        report.count("outbox rows not published", pendingOutbox());

        for (Workload.Payment payment : workload.payments().values()) {
            auditPayment(payment, ledger.getOrDefault(payment.id, new LedgerFacts()),
                    events.getOrDefault(payment.id, List.of()), authorization.get(payment.id), capture.get(payment.id));
        }
        auditDeadLetters(topics);
        scanForCardData(topics);
    }

    private void auditPayment(Workload.Payment payment, LedgerFacts antom, List<PaymentEvent> events, Row auth,
                              Row schedule) {
        List<String> problems = new ArrayList<>();
        MerchantView view = MerchantView.of(events);
        String truth = antom.truth();
        checkCompleteness(antom, events, auth, schedule, view, problems);
        checkMoney(payment, antom, events, problems);
        if (!workload.refundsFinal(payment) || (schedule != null && pendingRefund(schedule) > 0)) {
            problems.add(count("refunds not final"));
        }
        if (schedule != null && refundPosition(schedule) > Long.parseLong(schedule.columns().get("amount_minor"))) {
            problems.add(count("refunds above the captured amount"));
        }
        checkAgreement(payment, antom, events, auth, schedule, view, problems);
        report.payment(payment.flow, problems.isEmpty());
        if (!problems.isEmpty()) {
            report.offender(payment.id + " (" + payment.flow + ", " + payment.amount.getValueMinor() + " USD minor): "
                    + String.join("; ", problems) + "\n      commands:   " + payment.commands
                    + (payment.httpAnswers.isEmpty() ? "" : "\n      http:       " + payment.httpAnswers)
                    + "\n      antom:      " + truth + " " + antom.lines
                    + "\n      events:     " + view + " " + describe(events)
                    + "\n      auth db:    " + (auth == null ? "(no row)" : auth.columns())
                    + "\n      capture db: " + (schedule == null ? "(no row)" : schedule.columns()));
        }
    }

    /** Lost (the command was accepted but nothing anywhere knows the payment) and not final (in any record). */
    private void checkCompleteness(LedgerFacts antom, List<PaymentEvent> events, Row auth, Row schedule,
                                   MerchantView view, List<String> problems) {
        if (events.isEmpty() && antom.lines.isEmpty() && auth == null) {
            problems.add(count("lost commands"));
        }
        String truth = antom.truth();
        boolean antomOpen = truth.equals("AUTHORIZED") || truth.equals("PENDING");
        boolean authOpen = auth != null && !authFinal(auth.status());
        boolean scheduleOpen = schedule != null && !scheduleFinal(schedule.status());
        if (!view.isTerminal() || antomOpen || authOpen || scheduleOpen) {
            problems.add(count("payments not final"));
        }
    }

    /** Exactly the authorized amount, once, never after a cancel or the expiry, and every deadline met. */
    private void checkMoney(Workload.Payment payment, LedgerFacts antom, List<PaymentEvent> events,
                            List<String> problems) {
        long authorized = payment.amount.getValueMinor();
        boolean wrongAmount = antom.capturedAmounts.stream().anyMatch(amount -> amount != authorized);
        Set<String> captureIds = new HashSet<>();
        for (PaymentEvent event : events) {
            if (event.getPayload() instanceof CaptureSucceeded succeeded) {
                captureIds.add(succeeded.getCaptureId());
                wrongAmount |= succeeded.getAmount().getValueMinor() != authorized;
            }
        }
        if (wrongAmount) {
            problems.add(count("captures not equal to the authorized amount"));
        }
        checkCaptureCount(antom, captureIds, problems);
        if (antom.captureAttemptsAfterCancel > 0 || (antom.cancelled && !antom.capturedAmounts.isEmpty())) {
            problems.add(count("captures after cancel"));
        }
        if (antom.capturesRefusedAsExpired > 0) {
            problems.add(count("captures attempted after authExpiryTime"));
        }
        if (antom.expired && payment.flow.expected() != Flow.Outcome.EXPIRED) {
            problems.add(count("missed deadlines"));
        }
        checkRefunds(antom, events, problems);
    }

    private static long pendingRefund(Row schedule) {
        String pending = schedule.columns().get("refund_pending_minor");
        return pending == null ? 0 : Long.parseLong(pending);
    }

    /**
     * Never more refunded than captured, in every record: Antom's ledger (refunds accepted, less those that failed),
     * every RefundTotals the merchant was told, and capture-service's refund position (checked in the agreement).
     */
    private void checkRefunds(LedgerFacts antom, List<PaymentEvent> events, List<String> problems) {
        long captured = antom.capturedAmounts.stream().mapToLong(Long::longValue).max().orElse(0);
        boolean over = antom.refundsTaken > captured;
        for (PaymentEvent event : events) {
            io.holdfast.schemas.common.RefundTotals totals = refundTotals(event.getPayload());
            if (totals != null) {
                over |= totals.getRefunded().getValueMinor() + totals.getPending().getValueMinor()
                        > totals.getCaptured().getValueMinor();
            }
        }
        if (over) {
            problems.add(count("refunds above the captured amount"));
        }
    }

    /** capture-service's refund position: refunded plus pending (migration V8's columns). */
    private static long refundPosition(Row schedule) {
        String refunded = schedule.columns().get("refunded_minor");
        String pending = schedule.columns().get("refund_pending_minor");
        return (refunded == null ? 0 : Long.parseLong(refunded)) + (pending == null ? 0 : Long.parseLong(pending));
    }

    private static io.holdfast.schemas.common.RefundTotals refundTotals(Object payload) {
        if (payload instanceof io.holdfast.schemas.event.RefundRequested r) {
            return r.getTotals();
        }
        if (payload instanceof io.holdfast.schemas.event.RefundSucceeded r) {
            return r.getTotals();
        }
        if (payload instanceof io.holdfast.schemas.event.RefundFailed r) {
            return r.getTotals();
        }
        return null;
    }

    private void checkCaptureCount(LedgerFacts antom, Set<String> captureIds, List<String> problems) {
        if (antom.capturedAmounts.size() > 1 || antom.captureRequestIds.size() > 1 || captureIds.size() > 1) {
            problems.add(count("double captures"));
        }
    }

    /** The merchant's view, the services' records and the outcome asked for, each against what Antom did. */
    private void checkAgreement(Workload.Payment payment, LedgerFacts antom, List<PaymentEvent> events, Row auth,
                                Row schedule, MerchantView view, List<String> problems) {
        String truth = antom.truth();
        if (!told(view).equals(truth) || contradictory(events)) {
            problems.add(count("merchant-visible contradictions"));
        }
        if ((auth != null || !truth.equals("NONE")) && !authAgrees(auth, truth)) {
            problems.add(count("authorization-service records disagreeing with Antom"));
        }
        if (!scheduleAgrees(schedule, truth, antom, payment)) {
            problems.add(count("capture-service records disagreeing with Antom"));
        }
        // 3-D Secure may end declined when the moving clock closed the challenge before the buyer passed it, or
        // cancelled when the reconciler gave up on a challenge still open after give-up-after (the clock jumped)
        Flow.Outcome outcome = view.outcome();
        boolean abandonedChallenge = payment.flow == Flow.THREE_DS
                && ((outcome == Flow.Outcome.DECLINED && antom.closed)
                    || (outcome == Flow.Outcome.CANCELLED && antom.cancelledWhilePending));
        boolean acceptable = outcome == payment.flow.expected() || abandonedChallenge;
        if (!acceptable) {
            problems.add(count("outcomes other than the merchant asked for"));
        }
    }

    private String count(String what) {
        report.count(what, 1);
        return what;
    }

    private static String told(MerchantView view) {
        return switch (view) {
            case CAPTURED -> "CAPTURED";
            case CANCELLED -> "CANCELLED";
            case EXPIRED -> "EXPIRED";
            case DECLINED -> "DECLINED";
            case AUTHORIZED, CAPTURE_FAILED -> "AUTHORIZED";
            case ACTION_REQUIRED -> "PENDING";
            case NONE, REJECTED -> "NONE";
        };
    }

    /** Events a merchant cannot reconcile: captured and cancelled, or a CaptureFailed no CaptureSucceeded corrects. */
    private static boolean contradictory(List<PaymentEvent> events) {
        boolean captured = false;
        boolean cancelled = false;
        Set<String> failed = new HashSet<>();
        Set<String> corrected = new HashSet<>();
        for (PaymentEvent event : events) {
            Object payload = event.getPayload();
            if (payload instanceof CaptureSucceeded succeeded) {
                captured = true;
                if (succeeded.getCorrectsEventId() != null) {
                    corrected.add(succeeded.getCorrectsEventId());
                }
            } else if (payload instanceof AuthorizationCancelled) {
                cancelled = true;
            } else if (payload instanceof CaptureFailed) {
                failed.add(event.getEventId());
            }
        }
        failed.removeAll(corrected);
        return (captured && cancelled) || (captured && !failed.isEmpty());
    }

    private static boolean authFinal(String status) {
        return Set.of("AUTHORIZED", "AUTH_DECLINED", "VOIDED", "CANCEL_FAILED").contains(status);
    }

    private static boolean scheduleFinal(String status) {
        return Set.of("CAPTURED", "CAPTURE_FAILED", "VOIDED", "EXPIRED").contains(status);
    }

    /** authorization-service owns authorize and cancel; a captured or expired payment stays AUTHORIZED there. */
    private static boolean authAgrees(Row auth, String truth) {
        if (auth == null) {
            return false;
        }
        return switch (truth) {
            case "CAPTURED", "AUTHORIZED", "EXPIRED" -> auth.status().equals("AUTHORIZED");
            case "CANCELLED" -> auth.status().equals("VOIDED");
            case "DECLINED" -> auth.status().equals("AUTH_DECLINED");
            case "PENDING" -> auth.status().equals("AUTH_PENDING");
            default -> false;
        };
    }

    /** capture-service holds one row per authorization: its end state and amount must be Antom's. */
    private static boolean scheduleAgrees(Row schedule, String truth, LedgerFacts antom, Workload.Payment payment) {
        boolean needsRow = truth.equals("CAPTURED") || truth.equals("EXPIRED") || truth.equals("AUTHORIZED")
                || (truth.equals("CANCELLED") && antom.authorized);
        if (schedule == null) {
            return !needsRow;
        }
        boolean amount = Long.parseLong(schedule.columns().get("amount_minor")) == payment.amount.getValueMinor();
        return amount && switch (truth) {
            case "CAPTURED" -> schedule.status().equals("CAPTURED");
            case "CANCELLED" -> schedule.status().equals("VOIDED");
            case "EXPIRED" -> schedule.status().equals("EXPIRED");
            default -> false;
        };
    }

    private Map<String, LedgerFacts> ledger() {
        Map<String, LedgerFacts> facts = new HashMap<>();
        Map<String, Boolean> cancelledSoFar = new HashMap<>();
        for (JsonNode entry : sandbox.ledger()) {
            String id = entry.path("paymentRequestId").asString(null);
            if (id == null) {
                continue;
            }
            LedgerFacts f = facts.computeIfAbsent(id, key -> new LedgerFacts());
            String operation = entry.path("operation").asString();
            boolean replay = entry.path("replay").asBoolean();
            String code = entry.path("result").path("resultCode").asString();
            String status = entry.path("result").path("resultStatus").asString();
            long amount = entry.path("amount").path("value").asLong(-1);
            f.lines.add(operation + (replay ? "(replay)" : "") + " " + code + (amount >= 0 ? " " + amount : ""));
            if (replay) {
                continue;
            }
            switch (operation) {
                case "PAY" -> {
                    if (status.equals("S")) {
                        f.authorized = true;
                    } else if (status.equals("F")) {
                        f.declined = true;
                    } else if (code.equals("PAYMENT_IN_PROCESS")) {
                        f.pending = true;
                    }
                }
                case "THREE_DS_COMPLETED" -> {
                    f.authorized = true;
                    f.threeDsDecided = true;
                }
                case "THREE_DS_FAILED" -> {
                    f.declined = true;
                    f.threeDsDecided = true;
                }
                case "PAYMENT_CLOSED" -> f.closed = true;
                case "CANCEL" -> {
                    if (status.equals("S")) {
                        f.cancelled = true;
                        f.cancelledWhilePending = f.pending && !f.threeDsDecided;
                        cancelledSoFar.put(id, true);
                    }
                }
                case "AUTHORIZATION_EXPIRED" -> f.expired = true;
                case "REFUND" -> {
                    if (!status.equals("F") && amount > 0) {
                        f.refundsTaken += amount;
                    }
                }
                case "REFUND_COMPLETED" -> {
                    if (status.equals("F") && amount > 0) {
                        f.refundsTaken -= amount;
                    }
                }
                case "AUTO_CAPTURE", "CAPTURE_COMPLETED" -> {
                    f.capturedAmounts.add(amount);
                    f.captureRequestIds.add(entry.path("requestId").asString(""));
                }
                case "CAPTURE" -> {
                    if (cancelledSoFar.containsKey(id)) {
                        f.captureAttemptsAfterCancel++;
                    }
                    if (code.equals("AUTH_EXPIRED")) {
                        f.capturesRefusedAsExpired++;
                    }
                    if (status.equals("S")) {
                        f.capturedAmounts.add(amount);
                        f.captureRequestIds.add(entry.path("requestId").asString(""));
                    }
                }
                default -> {
                }
            }
        }
        return facts;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private Map<String, List<PaymentEvent>> events(List<ConsumerRecord<String, byte[]>> records) {
        AvroDeserializer<PaymentEvent> avro = new AvroDeserializer<>();
        avro.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
        Map<String, List<PaymentEvent>> byPayment = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            PaymentEvent event;
            try {
                event = record.value() == null ? null : avro.deserialize(record.topic(), record.value());
            } catch (RuntimeException poison) {
                continue;
            }
            if (event != null && seen.add(event.getEventId())) {
                byPayment.computeIfAbsent(event.getPaymentRequestId(), id -> new ArrayList<>()).add(event);
            }
        }
        return byPayment;
    }

    private static String describe(List<PaymentEvent> events) {
        List<String> names = new ArrayList<>();
        for (PaymentEvent event : events) {
            Object payload = event.getPayload();
            String name = payload.getClass().getSimpleName();
            if (payload instanceof CommandRejected rejected) {
                name += "(" + rejected.getReason() + ")";
            } else if (payload instanceof CaptureSucceeded succeeded) {
                name += "(" + succeeded.getAmount().getValueMinor() + ")";
            } else if (payload instanceof CaptureFailed failed) {
                name += "(" + failed.getResultCode() + ")";
            } else if (payload instanceof PaymentAuthorized authorized) {
                name += "(" + authorized.getAmount().getValueMinor() + ")";
            }
            names.add(name);
        }
        return names.toString();
    }

    private Map<String, Row> rows(String database, String query, String key) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = stack.connectToDatabase(database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, String> values = new TreeMap<>();
                for (int i = 1; i <= columns; i++) {
                    String value = result.getString(i);
                    if (value != null) {
                        values.put(result.getMetaData().getColumnName(i), value);
                    }
                }
                rows.put(values.get(key), new Row(values.get("status"), values));
            }
        }
        return rows;
    }

    private long pendingOutbox() throws SQLException {
        long pending = 0;
        for (String database : List.of("authorization", "capture")) {
            try (Connection connection = stack.connectToDatabase(database);
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select count(*) from outbox where completion_date is null")) {
                result.next();
                pending += result.getLong(1);
            }
        }
        return pending;
    }

    /** Only the poison records belong on a dead-letter topic; each must be there. */
    private void auditDeadLetters(Map<String, List<ConsumerRecord<String, byte[]>>> topics) {
        Set<String> poisonDeadLettered = new HashSet<>();
        for (String topic : Topics.ALL) {
            for (ConsumerRecord<String, byte[]> record : topics.get(Topics.deadLetter(topic))) {
                if (record.key() != null && record.key().startsWith(Faults.POISON_KEY)) {
                    poisonDeadLettered.add(record.key());
                    continue;
                }
                report.count("records on a dead-letter topic that were not poison", 1);
                report.offender("dead letter on " + record.topic() + " key " + record.key() + ": "
                        + header(record, "kafka_dlt-exception-fqcn") + " " + header(record, "kafka_dlt-exception-message"));
            }
        }
        Set<String> poisonSent = new HashSet<>();
        for (String topic : Topics.ALL) {
            for (ConsumerRecord<String, byte[]> record : topics.get(topic)) {
                if (record.key() != null && record.key().startsWith(Faults.POISON_KEY)) {
                    poisonSent.add(record.key());
                }
            }
        }
        poisonSent.removeAll(poisonDeadLettered);
        report.count("poison records not dead-lettered", poisonSent.size());
        report.info("poison records sent", poisonByTopic.values().stream().mapToInt(Integer::intValue).sum()
                + " " + poisonByTopic);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return "";
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }

    /**
     * The card number and CVV the workload sent to the edge, looked for in every Holdfast log, every record of
     * every topic (keys, values, headers) and every row of every table. The sandbox's own log is Antom's, not
     * Holdfast's, and is left out.
     */
    private void scanForCardData(Map<String, List<ConsumerRecord<String, byte[]>>> topics) throws Exception {
        CardScan scan = new CardScan(Workload.CARD_NUMBER, Workload.CARD_CVV);
        try (Stream<Path> logs = Files.list(stack.config().home().resolve("logs"))) {
            for (Path log : logs.toList()) {
                if (!log.getFileName().toString().startsWith(LocalStack.SANDBOX)) {
                    scan.scan("log " + log.getFileName(), Files.readString(log, StandardCharsets.ISO_8859_1));
                }
            }
        }
        for (Map.Entry<String, List<ConsumerRecord<String, byte[]>>> topic : topics.entrySet()) {
            for (ConsumerRecord<String, byte[]> record : topic.getValue()) {
                StringBuilder text = new StringBuilder(String.valueOf(record.key()));
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.ISO_8859_1));
                }
                for (Header header : record.headers()) {
                    text.append(new String(header.value(), StandardCharsets.ISO_8859_1));
                }
                scan.scan("topic " + topic.getKey(), text.toString());
            }
        }
        for (String database : List.of("authorization", "capture")) {
            try (Connection connection = stack.connectToDatabase(database);
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public'")) {
                    while (result.next()) {
                        tables.add(result.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet result = statement.executeQuery("select t::text from \"" + table + "\" t")) {
                        while (result.next()) {
                            scan.scan("database " + database + "." + table, result.getString(1));
                        }
                    }
                }
            }
        }
        report.count("card numbers or CVVs found in logs, topics or databases", scan.found().size());
        scan.found().forEach(where -> report.offender("card data in " + where));
        report.info("card-data scan", scan.scanned() + " logs, records and rows scanned");
    }

    /** True once nothing is left for the services to do: the outboxes are published and every lag is zero. */
    static boolean quiet(RunningStack stack) {
        try {
            return new Audit(stack, null, null, Map.of(), new Report(0, 0, 0)).pendingOutbox() == 0;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
