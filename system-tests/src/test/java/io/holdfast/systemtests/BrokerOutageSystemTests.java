package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.localstack.ChildProcess;
import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentAuthorized;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka broker stops for 30 s while payments are in flight, and nothing is lost, doubled or dead-lettered
 * (issue 12, "Done means"). Merchants use the edge's HTTP API as the demo merchant: MANUAL payments authorized
 * before the outage get their capture commands just before it, and new AUTOMATIC and MANUAL payments are submitted;
 * Antom (the sandbox) applies each of those pays and captures at once but answers 6 s later and holds its
 * notifications back. The broker stops once the first pay and the captures are applied, so their answers arrive with
 * the broker gone: the services record them, their outbox rows wait, their consumers cannot commit offsets, and the
 * other authorize commands wait on the topic. While the broker is down the edge answers every command
 * {@code 503 not_stored} (never 202); the merchant retries those after it is back with the same Idempotency-Key.
 * The broker restarts on the same port and data directory and the services, never restarted, carry on: every
 * accepted command reaches its final event on payments.events as the sandbox's ledger says (one authorization per
 * payment, each capture applied once), and no record lands on any {@code .DLT} topic.
 */
class BrokerOutageSystemTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Below the services' 8 s Antom call timeout: the call succeeds, its answer arrives with the broker down. */
    private static final Duration ANTOM_LATENCY = Duration.ofSeconds(6);
    private static final String AMOUNT_JSON = "{\"valueMinor\":7700,\"currency\":\"USD\"}";
    private static final long AMOUNT_MINOR = 77_00L;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** One merchant request: an operation on a payment with its Idempotency-Key and body. */
    private record Call(String operation, String paymentRequestId, String key, String body) {
    }

    private record Answer(int status, JsonNode body) {

        String error() {
            return body.path("error").asString("");
        }
    }

    private final List<String> manual = new ArrayList<>();
    private final List<String> automatic = new ArrayList<>();
    /** When the merchant's consumer first received each (paymentRequestId, event type). */
    private final Map<String, Long> receivedNanos = new ConcurrentHashMap<>();

    @Test
    void a_30_s_broker_outage_loses_doubles_and_dead_letters_nothing() throws Exception {
        TestStack test = TestStack.requireAll();
        RunningStack stack = test.stack();
        Merchant merchant = test.merchant();
        Map<TopicPartition, Long> deadLettersBefore = settledDeadLetterEndOffsets(stack);
        Map<String, Long> pids = stack.children().stream()
                .collect(Collectors.toMap(ChildProcess::name, ChildProcess::pid));
        merchant.onEvent((event, nanos) -> receivedNanos.putIfAbsent(
                event.getPaymentRequestId() + "/" + event.getPayload().getClass().getSimpleName(), nanos));
        try {
            List<String> capturedAcrossOutage = authorizeManualPayments(merchant, 3);
            List<String> inFlight = submitInFlight(merchant, capturedAcrossOutage);

            Instant downAt = merchant.sandbox().sandboxNow();
            long stopping = System.nanoTime();
            stack.stopKafka();
            Instant stoppedAt = downAt.plusNanos(System.nanoTime() - stopping);
            // the broker is down for 30 s: the edge answers every command 503 not_stored, never 202
            String automaticDuringOutage = paymentRequestId("oa");
            String manualDuringOutage = paymentRequestId("om");
            automatic.add(automaticDuringOutage);
            manual.add(manualDuringOutage);
            List<Call> refused = List.of(authorize(automaticDuringOutage, "AUTOMATIC", merchant.card()),
                    authorize(manualDuringOutage, "MANUAL", merchant.card()));
            List<Answer> duringOutage = keepCalling(refused, stopping);
            long restarting = System.nanoTime();
            stack.startKafka();

            // the merchant retries what was refused, with the same Idempotency-Key (a 503 keeps nothing)
            for (Call call : refused) {
                await("the edge stores " + call.paymentRequestId() + " again").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> post(call).status() == 202);
            }
            // MANUAL payments authorized across or after the outage are captured once authorized
            for (String id : manual) {
                if (!capturedAcrossOutage.contains(id)) {
                    merchant.await(id, PaymentAuthorized.class);
                    assertThat(post(capture(id)).status()).as("capture %s", id).isEqualTo(202);
                }
            }

            List<String> all = concat(manual, automatic);
            for (String id : all) {
                assertThat(merchant.await(id, CaptureSucceeded.class).getAmount().getValueMinor())
                        .as("captured amount of %s", id).isEqualTo(AMOUNT_MINOR);
            }
            assertThat(duringOutage).as("answers while the broker was down").isNotEmpty().allSatisfy(answer ->
                    assertThat(answer.status() + " " + answer.error()).isEqualTo("503 not_stored"));
            JsonNode ledger = merchant.sandbox().ledger();
            List<String> waited = answeredDuringOutage(ledger, inFlight, "PAY", downAt, stoppedAt).stream()
                    .map(id -> id + "/PaymentAuthorized").collect(Collectors.toCollection(ArrayList::new));
            answeredDuringOutage(ledger, capturedAcrossOutage, "CAPTURE", downAt, stoppedAt)
                    .forEach(id -> waited.add(id + "/CaptureSucceeded"));
            assertThat(waited).as("events of Antom answers that arrived while the broker was down")
                    .isNotEmpty().allSatisfy(event -> assertThat(receivedNanos.get(event))
                            .as("%s received after the broker returned", event).isGreaterThan(restarting));
            assertEachPaymentAuthorizedAndCapturedOnce(ledger, merchant, all);
            assertThat(deadLetterEndOffsets(stack)).as("records on the .DLT topics").isEqualTo(deadLettersBefore);
            assertThat(stack.children()).allSatisfy(child -> {
                assertThat(child.pid()).as("%s not restarted", child.name()).isEqualTo(pids.get(child.name()));
                assertThat(stack.isHealthy(child.name())).as("%s healthy", child.name()).isTrue();
            });
        } finally {
            stack.startKafka();
            merchant.sandbox().clearFaults();
            merchant.sandbox().clearNotificationFaults();
        }
    }

    /** MANUAL payments authorized before the outage (their captures are sent just before it). */
    private List<String> authorizeManualPayments(Merchant merchant, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = paymentRequestId("m");
            assertThat(post(authorize(id, "MANUAL", merchant.card())).status()).isEqualTo(202);
            ids.add(id);
        }
        for (String id : ids) {
            merchant.await(id, PaymentAuthorized.class);
        }
        manual.addAll(ids);
        return ids;
    }

    /**
     * New AUTOMATIC and MANUAL payments and the captures of {@code toCapture}, accepted by the edge. Antom applies
     * each of their pays and captures at once but answers {@link #ANTOM_LATENCY} later, and holds its notifications
     * back, so only those answers (or an inquiry) tell Holdfast. Returns once the first pay and every capture are
     * applied: authorization-service pays one command after the other, the others wait on payments.commands.
     */
    private List<String> submitInFlight(Merchant merchant, List<String> toCapture) throws Exception {
        List<String> inFlight = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        for (String mode : List.of("AUTOMATIC", "MANUAL", "AUTOMATIC", "MANUAL", "AUTOMATIC", "MANUAL")) {
            String id = paymentRequestId(mode.substring(0, 1).toLowerCase(Locale.ROOT));
            calls.add(authorize(id, mode, merchant.card()));
            inFlight.add(id);
            (mode.equals("MANUAL") ? manual : automatic).add(id);
        }
        toCapture.forEach(id -> calls.add(capture(id)));
        merchant.sandbox().delayNextNotifications(100, Duration.ofDays(30));
        merchant.sandbox().injectLatency("pay", inFlight.size(), ANTOM_LATENCY);
        merchant.sandbox().injectLatency("capture", toCapture.size(), ANTOM_LATENCY);
        for (Call call : calls) {
            assertThat(post(call).status()).as("%s %s", call.operation(), call.paymentRequestId()).isEqualTo(202);
        }
        await("Antom applied the first in-flight pay and every capture").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ledgerCount(inFlight, "PAY") > 0 && ledgerCount(toCapture, "CAPTURE") == toCapture.size());
        return inFlight;
    }

    /**
     * The payments whose {@code operation} Antom applied before the broker went down and answered after it was
     * gone (applied + {@link #ANTOM_LATENCY}, on the sandbox clock).
     */
    private static List<String> answeredDuringOutage(JsonNode ledger, List<String> ids, String operation,
                                                     Instant downAt, Instant stoppedAt) {
        return ids.stream().filter(id -> ledger.valueStream()
                .filter(entry -> isOperation(entry, id, operation))
                .map(entry -> ledgerTime(entry.path("at")))
                .anyMatch(at -> at.isBefore(downAt) && at.plus(ANTOM_LATENCY).isAfter(stoppedAt))).toList();
    }

    /** Sends the calls in turn until {@link #OUTAGE} has passed since {@code stoppingNanos}; returns the answers. */
    private List<Answer> keepCalling(List<Call> calls, long stoppingNanos) {
        List<Answer> answers = new CopyOnWriteArrayList<>();
        int[] next = {0};
        await("the broker down for " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    answers.add(post(calls.get(next[0]++ % calls.size())));
                    return System.nanoTime() - stoppingNanos >= OUTAGE.toNanos();
                });
        return answers;
    }

    /** On payments.events and in the sandbox's ledger: one authorization and one capture per payment. */
    private void assertEachPaymentAuthorizedAndCapturedOnce(JsonNode ledger, Merchant merchant, List<String> ids) {
        for (String id : ids) {
            assertThat(merchant.eventTypes(id)).as("events of %s", id)
                    .containsOnlyOnce("PaymentAuthorized", "CaptureSucceeded")
                    .doesNotContain("CaptureFailed", "CommandRejected", "PaymentDeclined", "AuthorizationCancelled");
            assertThat(operations(ledger, id, "PAY")).as("Antom pays of %s", id).isEqualTo(1);
            boolean manualCapture = manual.contains(id);
            assertThat(operations(ledger, id, "CAPTURE")).as("Antom captures of %s", id)
                    .isEqualTo(manualCapture ? 1 : 0);
            assertThat(operations(ledger, id, "AUTO_CAPTURE")).as("Antom automatic captures of %s", id)
                    .isEqualTo(manualCapture ? 0 : 1);
        }
    }

    private static String paymentRequestId(String flow) {
        return LocalStack.DEMO_MERCHANT_ID + "-outage-" + flow + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Call authorize(String id, String captureMode, String cardToken) {
        String policy = captureMode.equals("MANUAL") ? ",\"deadlinePolicy\":\"VOID\"" : "";
        String body = "{\"amount\":" + AMOUNT_JSON + ",\"captureMode\":\"" + captureMode + "\"" + policy
                + ",\"card\":{\"cardToken\":\"" + cardToken + "\"}"
                + ",\"order\":{\"referenceOrderId\":\"ORD-" + id + "\",\"orderDescription\":\"broker outage\"}"
                + ",\"env\":{\"terminalType\":\"WEB\",\"clientIp\":\"127.0.0.1\"}"
                + ",\"paymentRedirectUrl\":\"https://merchant.example/return/" + id + "\"}";
        return new Call("authorize", id, "auth-" + id, body);
    }

    private static Call capture(String id) {
        return new Call("capture", id, "cap-" + id, "{\"amount\":" + AMOUNT_JSON + "}");
    }

    private Answer post(Call call) throws IOException, InterruptedException {
        TestStack test = TestStack.requireAll();
        HttpRequest request = HttpRequest.newBuilder(URI.create(test.stack().ingestUrl() + "/v1/payments/"
                        + call.paymentRequestId() + "/" + call.operation()))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + LocalStack.DEMO_MERCHANT_API_KEY)
                .header("Idempotency-Key", call.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    private long ledgerCount(List<String> ids, String operation) {
        JsonNode ledger = TestStack.requireAll().merchant().sandbox().ledger();
        return ids.stream().filter(id -> operations(ledger, id, operation) > 0).count();
    }

    /** Entries of one operation on one payment that Antom applied (not idempotent replays of an earlier call). */
    private static long operations(JsonNode ledger, String paymentRequestId, String operation) {
        return ledger.valueStream().filter(entry -> isOperation(entry, paymentRequestId, operation)).count();
    }

    /** A ledger entry's time on the sandbox clock: ISO-8601 text, or epoch seconds with a fraction. */
    private static Instant ledgerTime(JsonNode at) {
        if (at.isNumber()) {
            BigDecimal seconds = at.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(at.asString());
    }

    private static boolean isOperation(JsonNode entry, String paymentRequestId, String operation) {
        return paymentRequestId.equals(entry.path("paymentRequestId").asString(null))
                && operation.equals(entry.path("operation").asString(null))
                && !entry.path("replay").asBoolean(false);
    }

    /**
     * The {@code .DLT} end offsets once they have held still for a second. The test class before this one on the shared
     * stack may still be dead-lettering its last rejected command: its CommandRejected event, published by the outbox
     * relay, can reach that test before the listener's error handler has written the command to the dead-letter topic.
     */
    private static Map<TopicPartition, Long> settledDeadLetterEndOffsets(RunningStack stack) {
        AtomicReference<Map<TopicPartition, Long>> last = new AtomicReference<>(deadLetterEndOffsets(stack));
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<TopicPartition, Long> now = deadLetterEndOffsets(stack);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** The end offset of every partition of every {@code .DLT} topic. */
    private static Map<TopicPartition, Long> deadLetterEndOffsets(RunningStack stack) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (PartitionInfo partition : consumer.partitionsFor(Topics.deadLetter(topic), Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(partition.topic(), partition.partition()));
                }
            }
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
