package io.holdfast.localstack.demo;

import io.holdfast.localstack.Endpoints;
import io.holdfast.localstack.StackConfig;
import io.holdfast.localstack.merchant.EventTap;
import io.holdfast.localstack.merchant.MerchantKafka;
import io.holdfast.localstack.merchant.PaymentCommands;
import io.holdfast.localstack.merchant.SandboxMerchant;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentActionRequired;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RefundSucceeded;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code --demo}: drives one real payment through every flow, through Kafka only, as a merchant would, and prints
 * each payment's events as they arrive. Also runs against a stack started elsewhere:
 * {@code java -cp local-stack/target/local-stack.jar -Dloader.main=io.holdfast.localstack.demo.Demo
 * org.springframework.boot.loader.launch.PropertiesLauncher} (same ports and home as that stack).
 */
public final class Demo {

    private static final Duration STEP = Duration.ofSeconds(60);

    private final Endpoints endpoints;
    private final PrintStream out;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final PaymentCommands commands = new PaymentCommands(Clock.systemUTC(), () -> UUID.randomUUID().toString());
    private final Map<String, String> results = new LinkedHashMap<>();
    private SandboxMerchant sandbox;
    private EventTap tap;
    private KafkaProducer<String, PaymentCommand> producer;
    private String card;

    private Demo(Endpoints endpoints, PrintStream out) {
        this.endpoints = endpoints;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        run(Endpoints.of(StackConfig.fromEnvironment()), System.out);
    }

    /** Runs every flow once; returns true when all reached their expected final event. */
    public static boolean run(Endpoints endpoints, PrintStream out) throws Exception {
        return new Demo(endpoints, out).all();
    }

    private boolean all() throws Exception {
        out.println();
        out.println("Demo: one payment per flow, commands on " + Topics.PAYMENTS_COMMANDS + ", events from "
                + Topics.PAYMENTS_EVENTS + " (time is Holdfast's clock, UTC)");
        sandbox = new SandboxMerchant(endpoints, Clock.systemUTC());
        card = sandbox.vaultCard(SandboxMerchant.APPROVING_CARD);
        out.println("  vaulted Antom test card " + SandboxMerchant.APPROVING_CARD.substring(0, 6) + "******"
                + SandboxMerchant.APPROVING_CARD.substring(12) + " at the sandbox: cardToken " + card);
        try (EventTap events = new EventTap(endpoints, "holdfast-demo-" + run);
             KafkaProducer<String, PaymentCommand> kafka = new KafkaProducer<>(MerchantKafka.producer(endpoints))) {
            this.tap = events;
            this.producer = kafka;
            String prefix = "demo-" + run + "-";
            tap.addListener((event, at) -> {
                if (event.getPaymentRequestId().startsWith(prefix)) {
                    out.println(Timeline.line(event));
                }
            });
            flow("automatic capture", prefix + "auto", this::automatic);
            flow("manual capture by command", prefix + "manual", this::manual);
            flow("cancel before capture", prefix + "cancel", this::cancel);
            flow("3-D Secure challenge", prefix + "3ds", this::threeDs);
            flow("decline", prefix + "decline", this::decline);
            flow("unknown result resolved by inquiry", prefix + "unknown", this::unknown);
            flow("deadline guardian (sandbox clock +6d12h)", prefix + "guardian", this::guardian);
            flow("partial refund, then refund the rest", prefix + "refund", this::refund);
        } finally {
            sandbox.clearFaults();
        }
        out.println();
        out.println("Demo summary:");
        results.forEach((flow, result) -> out.printf("  %-42s %s%n", flow, result));
        return results.values().stream().allMatch("ok"::equals);
    }

    @FunctionalInterface
    private interface Flow {
        void run(String paymentRequestId) throws Exception;
    }

    private void flow(String name, String paymentRequestId, Flow flow) {
        out.println();
        out.println("» " + name + "  (" + paymentRequestId + ")");
        try {
            flow.run(paymentRequestId);
            results.put(name, "ok");
        } catch (Exception | AssertionError e) {
            out.println("  ✗ " + e.getMessage());
            results.put(name, "FAILED: " + e.getMessage());
        }
    }

    private static final Money AMOUNT = new Money(4200L, "USD");

    private void automatic(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.AUTOMATIC, card, "ORD-" + id, null));
        tap.await(id, CaptureSucceeded.class, STEP);
    }

    private void manual(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.VOID));
        tap.await(id, PaymentAuthorized.class, STEP);
        send(commands.capture(id, AMOUNT));
        tap.await(id, CaptureSucceeded.class, STEP);
    }

    private void cancel(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.VOID));
        tap.await(id, PaymentAuthorized.class, STEP);
        send(commands.cancel(id, "buyer changed their mind"));
        tap.await(id, AuthorizationCancelled.class, STEP);
    }

    private void threeDs(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.AUTOMATIC, card, "ORD-SANDBOX_3DS-" + id, null));
        PaymentEvent challenge = tap.await(id, PaymentActionRequired.class, STEP);
        String url = ((PaymentActionRequired) challenge.getPayload()).getRedirectUrl();
        out.println("  (the buyer passes the challenge: POST " + url + "/complete)");
        sandbox.passChallenge(url);
        tap.await(id, CaptureSucceeded.class, STEP);
    }

    private void decline(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.AUTOMATIC, card, "ORD-SANDBOX_DECLINE_DO_NOT_HONOR-" + id, null));
        tap.await(id, PaymentDeclined.class, STEP);
    }

    private void unknown(String id) throws Exception {
        out.println("  (sandbox faults: the next pay is applied but answered U/UNKNOWN_EXCEPTION, and its notification"
                + " is held back, so only an inquiry can tell)");
        sandbox.injectFault("pay", "UNKNOWN_EXCEPTION", 1, true);
        sandbox.delayNextNotifications(1, Duration.ofDays(30));
        send(commands.authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.VOID));
        tap.await(id, PaymentAuthorized.class, STEP);
        send(commands.capture(id, AMOUNT));
        tap.await(id, CaptureSucceeded.class, STEP);
    }

    private void guardian(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.CAPTURE));
        tap.await(id, PaymentAuthorized.class, STEP);
        out.println("  (nobody captures; moving the sandbox clock, which Holdfast follows, 6 days 12 hours forward)");
        sandbox.advanceClock(Duration.ofDays(6).plusHours(12).plusMinutes(1));
        tap.await(id, CaptureSucceeded.class, STEP);
    }

    private void refund(String id) throws Exception {
        send(commands.authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.VOID));
        tap.await(id, PaymentAuthorized.class, STEP);
        send(commands.capture(id, AMOUNT));
        tap.await(id, CaptureSucceeded.class, STEP);
        out.println("  (a missing part: refund USD 15.00 of 42.00; card refunds are asynchronous: REFUND_IN_PROCESS,"
                + " then notifyRefund)");
        send(commands.refund(id, new Money(1500L, "USD"), "missing part"));
        tap.await(id, RefundSucceeded.class, STEP);
        out.println("  (the buyer returns the rest: refund the remaining USD 27.00)");
        send(commands.refund(id, new Money(2700L, "USD"), "returned"));
        PaymentEvent last = tap.awaitNth(id, RefundSucceeded.class, 2, STEP);
        long refundable = ((RefundSucceeded) last.getPayload()).getTotals().getRefundable().getValueMinor();
        if (refundable != 0) {
            throw new AssertionError("refundable after refunding everything: " + refundable);
        }
    }

    private void send(PaymentCommand command) throws Exception {
        producer.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command)).get();
        out.printf("  %-47s %s%n", "→ " + command.getPaymentRequestId(), command.getPayload().getClass().getSimpleName());
    }
}
