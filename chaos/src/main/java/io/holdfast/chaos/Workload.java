package io.holdfast.chaos;

import io.holdfast.localstack.Endpoints;
import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.merchant.MerchantKafka;
import io.holdfast.localstack.merchant.PaymentCommands;
import io.holdfast.localstack.merchant.SandboxMerchant;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RefundFailed;
import io.holdfast.schemas.event.RefundSucceeded;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The merchants of a chaos run. Kafka merchants publish {@code PaymentCommand}s with a plain producer and react to
 * events as a merchant's own consumer would (capture or cancel the moment {@code PaymentAuthorized} arrives, pass
 * the 3-D Secure challenge); the HTTP merchant posts to the edge with the raw card and an Idempotency-Key. Both
 * retry as merchants do: the same command again (same commandId, same Idempotency-Key), at random and after errors.
 * A bounded number of payments is open at a time; payments left to the deadline guardian free their slot once
 * authorized.
 */
final class Workload implements AutoCloseable {

    static final String CARD_NUMBER = SandboxMerchant.APPROVING_CARD;
    static final String CARD_CVV = "737";
    private static final double KAFKA_RETRY_RATE = 0.15;
    private static final double HTTP_RETRY_RATE = 0.3;
    private static final Duration SLOT_WATCHDOG = Duration.ofSeconds(120);
    private static final Duration HTTP_GIVE_UP = Duration.ofMinutes(5);

    /** One payment as its merchant knows it. */
    static final class Payment {
        final String id;
        final Flow flow;
        final Money amount;
        final long startedNanos;
        final Random random;
        final List<String> commands = new CopyOnWriteArrayList<>();
        final List<String> httpAnswers = new CopyOnWriteArrayList<>();
        final AtomicBoolean reactedToAuthorization = new AtomicBoolean();
        final AtomicBoolean reactedToChallenge = new AtomicBoolean();
        final AtomicBoolean reactedToCapture = new AtomicBoolean();
        final AtomicBoolean released = new AtomicBoolean();
        /** The commandIds of the RefundPayments the merchant sent (each asks for one refund). */
        final Set<String> refundCommands = ConcurrentHashMap.newKeySet();
        volatile long doneNanos;

        Payment(String id, Flow flow, Money amount, Random random) {
            this.id = id;
            this.flow = flow;
            this.amount = amount;
            this.random = random;
            this.startedNanos = System.nanoTime();
        }
    }

    private final Endpoints endpoints;
    private final String runId;
    private final long seed;
    private final KafkaProducer<String, PaymentCommand> producer;
    private final PaymentCommands commands;
    private final SandboxMerchant sandbox;
    private final String cardToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(6, runnable -> {
        Thread thread = new Thread(runnable, "chaos-merchant");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private final Semaphore slots;
    private final EventLog events;

    Workload(Endpoints endpoints, EventLog events, String runId, long seed, int inFlight, Clock clock)
            throws IOException {
        this.endpoints = endpoints;
        this.events = events;
        this.runId = runId;
        this.seed = seed;
        this.slots = new Semaphore(inFlight);
        this.producer = new KafkaProducer<>(MerchantKafka.producer(endpoints));
        Random ids = new Random(seed ^ 0x5DEECE66DL);
        this.commands = new PaymentCommands(clock, () -> {
            synchronized (ids) {
                return new UUID(ids.nextLong(), ids.nextLong()).toString();
            }
        });
        this.sandbox = new SandboxMerchant(endpoints, clock);
        this.cardToken = sandbox.vaultCard(CARD_NUMBER);
        events.onEvent(this::onEvent);
    }

    SandboxMerchant sandbox() {
        return sandbox;
    }

    Map<String, Payment> payments() {
        return payments;
    }

    long errors() {
        return errors.get();
    }

    List<String> errorSamples() {
        return errorSamples;
    }

    /** Picks a flow by the mix's weights. */
    static Flow pick(Random random) {
        int total = 0;
        for (Flow flow : Flow.values()) {
            total += flow.weight();
        }
        int roll = random.nextInt(total);
        for (Flow flow : Flow.values()) {
            roll -= flow.weight();
            if (roll < 0) {
                return flow;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    /** Waits for a free slot, then starts a payment of {@code flow} for {@code amountMinor}. */
    Payment start(Flow flow, long amountMinor) throws InterruptedException {
        if (flow != Flow.PROBE) {
            slots.acquire();
        }
        long n = sequence.incrementAndGet();
        String prefix = flow == Flow.HTTP_MANUAL_CAPTURE ? LocalStack.DEMO_MERCHANT_ID + "-" : "";
        String id = prefix + "chaos-" + runId + "-" + n;
        Payment payment = new Payment(id, flow, new Money(amountMinor, "USD"), new Random(seed * 1_000_003L + n));
        payments.put(id, payment);
        if (flow != Flow.PROBE) {
            executor.schedule(() -> release(payment), SLOT_WATCHDOG.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            payment.released.set(true);
        }
        switch (flow) {
            case AUTOMATIC, PROBE -> send(payment, commands.authorize(id, payment.amount, CaptureMode.AUTOMATIC,
                    cardToken, "ORD-" + id, null));
            case MANUAL_CAPTURE, CANCEL, REFUND -> send(payment, commands.authorize(id, payment.amount, CaptureMode.MANUAL,
                    cardToken, "ORD-" + id, DeadlinePolicy.VOID));
            case POLICY_CAPTURE -> send(payment, commands.authorize(id, payment.amount, CaptureMode.MANUAL, cardToken,
                    "ORD-" + id, DeadlinePolicy.CAPTURE));
            case POLICY_VOID -> send(payment, commands.authorize(id, payment.amount, CaptureMode.MANUAL, cardToken,
                    "ORD-" + id, DeadlinePolicy.VOID));
            case POLICY_EXPIRE -> send(payment, commands.authorize(id, payment.amount, CaptureMode.MANUAL, cardToken,
                    "ORD-" + id, DeadlinePolicy.EXPIRE));
            case THREE_DS -> send(payment, commands.authorize(id, payment.amount, CaptureMode.AUTOMATIC, cardToken,
                    "ORD-SANDBOX_3DS-" + id, null));
            case DECLINE -> send(payment, commands.authorize(id, payment.amount, CaptureMode.AUTOMATIC, cardToken,
                    "ORD-SANDBOX_DECLINE_DO_NOT_HONOR-" + id, null));
            case HTTP_MANUAL_CAPTURE -> executor.execute(() -> post(payment, "authorize", authorizeBody(payment)));
        }
        return payment;
    }

    /** Frees the payment's slot once (final event, authorized and left to the deadline, or the watchdog). */
    private void release(Payment payment) {
        if (payment.released.compareAndSet(false, true)) {
            slots.release();
        }
    }

    private void onEvent(PaymentEvent event, long receivedNanos) {
        Payment payment = payments.get(event.getPaymentRequestId());
        if (payment == null) {
            return;
        }
        Object payload = event.getPayload();
        if (payload instanceof PaymentAuthorized && payment.reactedToAuthorization.compareAndSet(false, true)) {
            switch (payment.flow) {
                case MANUAL_CAPTURE, REFUND -> send(payment, commands.capture(payment.id, payment.amount));
                case CANCEL -> send(payment, commands.cancel(payment.id, "chaos: the buyer changed their mind"));
                case HTTP_MANUAL_CAPTURE -> executor.execute(() -> post(payment, "capture",
                        "{\"amount\":{\"valueMinor\":" + payment.amount.getValueMinor() + ",\"currency\":\"USD\"}}"));
                case POLICY_CAPTURE, POLICY_VOID, POLICY_EXPIRE -> release(payment);
                case AUTOMATIC, THREE_DS, DECLINE, PROBE -> {
                }
            }
        }
        refundOnceCaptured(payment, payload);
        if (payload instanceof PaymentActionRequired required && payment.reactedToChallenge.compareAndSet(false, true)) {
            executor.execute(() -> passChallenge(payment, required.getRedirectUrl()));
        }
        if (MerchantView.of(events.events(payment.id)).isTerminal()) {
            if (payment.doneNanos == 0) {
                payment.doneNanos = receivedNanos;
            }
            release(payment);
        }
    }

    /** The REFUND flow: once captured, a refund of 40 %, then of the rest (never more than captured in all). */
    private void refundOnceCaptured(Payment payment, Object payload) {
        if (!(payload instanceof CaptureSucceeded) || payment.flow != Flow.REFUND
                || !payment.reactedToCapture.compareAndSet(false, true)) {
            return;
        }
        long total = payment.amount.getValueMinor();
        long first = Math.max(1, total * 2 / 5);
        sendRefund(payment, commands.refund(payment.id, new Money(first, "USD"), "chaos: a missing part"));
        if (total > first) {
            sendRefund(payment, commands.refund(payment.id, new Money(total - first, "USD"), "chaos: returned"));
        }
    }

    private void sendRefund(Payment payment, PaymentCommand refund) {
        payment.refundCommands.add(refund.getCommandId());
        send(payment, refund);
    }

    /**
     * Whether every refund the merchant asked for has ended where the merchant sees it: as many refunds ended
     * (RefundSucceeded or RefundFailed, by refundRequestId — each command's is derived from its commandId) or refund
     * commands rejected as the merchant sent.
     */
    boolean refundsFinal(Payment payment) {
        if (payment.refundCommands.isEmpty()) {
            return true;
        }
        Set<String> ended = new HashSet<>();
        for (PaymentEvent event : events.events(payment.id)) {
            Object payload = event.getPayload();
            if (payload instanceof RefundSucceeded succeeded) {
                ended.add(succeeded.getRefundRequestId());
            } else if (payload instanceof RefundFailed failed) {
                ended.add(failed.getRefundRequestId());
            } else if (payload instanceof CommandRejected && payment.refundCommands.contains(event.getCausationId())) {
                ended.add("rejected " + event.getCausationId());
            }
        }
        return ended.size() >= payment.refundCommands.size();
    }

    private void passChallenge(Payment payment, String redirectUrl) {
        try {
            sandbox.passChallenge(redirectUrl);
        } catch (RuntimeException e) {
            error(payment, "3DS challenge: " + e.getMessage());
        }
    }

    /** Publishes a command; some are published again (a merchant's retry: same commandId, same content). */
    private void send(Payment payment, PaymentCommand command) {
        payment.commands.add(command.getPayload().getClass().getSimpleName() + " " + command.getCommandId());
        publish(payment, command, 0);
        if (payment.random.nextDouble() < KAFKA_RETRY_RATE) {
            executor.schedule(() -> publish(payment, command, 0), payment.random.nextInt(1_500), TimeUnit.MILLISECONDS);
        }
    }

    private void publish(Payment payment, PaymentCommand command, int attempt) {
        producer.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command),
                (metadata, failure) -> {
                    if (failure != null) {
                        // the broker may be down: a merchant publishes again, same command
                        if (attempt < 20) {
                            executor.schedule(() -> publish(payment, command, attempt + 1), 2, TimeUnit.SECONDS);
                        } else {
                            error(payment, "publish failed " + attempt + " times: " + failure.getMessage());
                        }
                    }
                });
    }

    private String authorizeBody(Payment payment) {
        return """
                {"amount":{"valueMinor":%d,"currency":"USD"},"captureMode":"MANUAL","deadlinePolicy":"VOID",\
                "card":{"cardNo":"%s","cvv":"%s","expiryMonth":"12","expiryYear":"30","holderName":"Chaos Buyer"},\
                "order":{"referenceOrderId":"ORD-%s","orderDescription":"chaos order"},\
                "env":{"terminalType":"WEB","clientIp":"203.0.113.7"},\
                "paymentRedirectUrl":"https://merchant.example/return"}"""
                .formatted(payment.amount.getValueMinor(), CARD_NUMBER, CARD_CVV, payment.id);
    }

    /**
     * Posts a command to the edge until it is answered 2xx or 4xx (not 429), with the same Idempotency-Key every
     * time, as the API asks merchants to; sometimes posts it once more after success (a merchant's retry).
     */
    private void post(Payment payment, String operation, String body) {
        String key = "idem-" + payment.id + "-" + operation;
        long giveUp = System.nanoTime() + HTTP_GIVE_UP.toNanos();
        boolean again = payment.random.nextDouble() < HTTP_RETRY_RATE;
        while (System.nanoTime() < giveUp) {
            int status = postOnce(payment, operation, key, body);
            if (status >= 200 && status < 300) {
                payment.commands.add(operation + " over HTTP (Idempotency-Key " + key + ")");
                if (again) {
                    again = false;
                    continue;
                }
                return;
            }
            if (status >= 400 && status < 500 && status != 429) {
                error(payment, "HTTP " + operation + " answered " + status);
                return;
            }
            sleep(500 + payment.random.nextInt(1_500));
        }
        error(payment, "HTTP " + operation + " never accepted within " + HTTP_GIVE_UP.toMinutes() + " min");
    }

    private int postOnce(Payment payment, String operation, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.ingestUrl() + "/v1/payments/" + payment.id + "/"
                        + operation))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.DEMO_MERCHANT_API_KEY)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            payment.httpAnswers.add(operation + " " + response.statusCode());
            return response.statusCode();
        } catch (IOException e) {
            payment.httpAnswers.add(operation + " " + e.getClass().getSimpleName());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void error(Payment payment, String what) {
        errors.incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(payment.id + ": " + what);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Payments the merchant has not seen end yet (final event), in start order. */
    List<Payment> open() {
        List<Payment> open = new ArrayList<>();
        payments.values().forEach(payment -> {
            if (!MerchantView.of(events.events(payment.id)).isTerminal() || !refundsFinal(payment)) {
                open.add(payment);
            }
        });
        return open;
    }

    /** The earliest authExpiryTime among authorizations the merchant has not seen end, or null when none. */
    Instant earliestOpenDeadline() {
        return openDeadlines().min(Comparator.naturalOrder()).orElse(null);
    }

    /** The latest authExpiryTime among authorizations the merchant has not seen end, or null when none. */
    Instant latestOpenDeadline() {
        return openDeadlines().max(Comparator.naturalOrder()).orElse(null);
    }

    private Stream<Instant> openDeadlines() {
        return open().stream()
                .flatMap(payment -> events.events(payment.id).stream())
                .map(PaymentEvent::getPayload)
                .filter(PaymentAuthorized.class::isInstance)
                .map(payload -> ((PaymentAuthorized) payload).getAuthExpiryTime())
                .filter(Objects::nonNull);
    }

    /**
     * Whether every payment still open is one the merchant leaves to the deadline guardian and has seen authorized:
     * only then may the clock jump towards the deadlines (a payment authorized after the jump would get a deadline
     * the crossing never reaches).
     */
    boolean onlyAuthorizationsLeftToTheDeadline() {
        return open().stream().allMatch(payment -> payment.flow.waitsForDeadline()
                && events.events(payment.id).stream().anyMatch(event -> event.getPayload() instanceof PaymentAuthorized));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
