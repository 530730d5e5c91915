package io.holdfast.chaos;

import io.holdfast.localstack.ChildProcess;
import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Injects one fault at a time into a running stack and says what it did. An outage (a killed process, the broker
 * or the database down) raises {@link #outage()} for its duration, so that the sandbox clock does not race ahead
 * of a stack that cannot work: one real second is hours of sandbox time, and a 30-second outage must not become a
 * 10-hour one.
 */
final class Faults {

    /** Key prefix of the poison records, so that the audit can tell them from records Holdfast dead-lettered. */
    static final String POISON_KEY = "chaos-poison-";
    private static final List<String> ANTOM_APIS = List.of("pay", "capture", "cancel", "inquiryPayment");

    /** What was injected. */
    record Injected(FaultKind kind, String detail, long startedNanos, long endedNanos) {
    }

    private final RunningStack stack;
    private final SandboxControlClient sandbox;
    private final ChaosSettings settings;
    private final AtomicBoolean outage = new AtomicBoolean();
    private final AtomicInteger poisonSent = new AtomicInteger();
    private final Map<String, Integer> poisonByTopic = new ConcurrentHashMap<>();

    Faults(RunningStack stack, SandboxControlClient sandbox, ChaosSettings settings) {
        this.stack = stack;
        this.sandbox = sandbox;
        this.settings = settings;
    }

    AtomicBoolean outage() {
        return outage;
    }

    Map<String, Integer> poisonByTopic() {
        return poisonByTopic;
    }

    /**
     * The kinds of a run of {@code count} faults: every kind once while the count allows, then kinds drawn at
     * random with the outages weighted up, in a shuffled order.
     */
    static List<FaultKind> schedule(int count, Random random) {
        List<FaultKind> kinds = new ArrayList<>();
        FaultKind[] all = FaultKind.values();
        for (int i = 0; i < count && i < all.length; i++) {
            kinds.add(all[i]);
        }
        // beyond one of each, outages (the faults a real cluster produces every week) come up as often as the rest
        List<FaultKind> outages = Arrays.stream(all).filter(FaultKind::isOutage).toList();
        while (kinds.size() < count) {
            FaultKind kind = all[random.nextInt(all.length)];
            if (!kind.isOutage() && random.nextBoolean()) {
                kind = outages.get(random.nextInt(outages.size()));
            }
            kinds.add(kind);
        }
        Collections.shuffle(kinds, random);
        return kinds;
    }

    /** Injects {@code kind}; blocks for the fault's duration (outages) and returns once it has ended. */
    Injected inject(FaultKind kind, Random random) throws Exception {
        long started = System.nanoTime();
        String detail = switch (kind) {
            case KILL_REPLICA -> killReplica(random);
            case KILL_DURING_ANTOM_CALL -> killDuringAntomCall(random);
            case KAFKA_OUTAGE -> kafkaOutage(random);
            case POSTGRES_OUTAGE -> postgresOutage(random);
            case ANTOM_UNKNOWN -> antom(random, "UNKNOWN_EXCEPTION", random.nextBoolean(), null);
            case ANTOM_APPLIED_THEN_TIMEOUT -> antom(random, "APPLY_THEN_TIMEOUT", null, null);
            case ANTOM_5XX -> antom(random, "HTTP_5XX", null, null);
            case ANTOM_LATENCY -> antom(random, "LATENCY", null, Duration.ofMillis(1_000 + random.nextInt(4_000)));
            case ANTOM_UNSIGNED -> antom(random, "UNSIGNED_RESPONSE", null, null);
            case ANTOM_WRONG_SIGNATURE -> antom(random, "WRONG_SIGNATURE", null, null);
            case ANTOM_CONNECTION_RESET -> antom(random, "CONNECTION_RESET", null, null);
            case ANTOM_CAPTURE_IN_PROCESS -> {
                int count = 2 + random.nextInt(5);
                sandbox.apiFault("capture", "CAPTURE_IN_PROCESS", count, null, null);
                yield "capture x" + count;
            }
            case NOTIFY_DUPLICATE -> notification(random, "DUPLICATE", null);
            case NOTIFY_REORDER -> notification(random, "REORDER", null);
            case NOTIFY_DELAY -> notification(random, "DELAY", Duration.ofHours(2));
            case NOTIFY_DROP -> notification(random, "DROP", null);
            case POISON_RECORDS -> poison(random);
        };
        return new Injected(kind, detail, started, System.nanoTime());
    }

    private String killReplica(Random random) throws Exception {
        List<String> services = serviceProcesses();
        String victim = services.get(random.nextInt(services.size()));
        Duration down = Duration.ofMillis(1_000 + random.nextInt(4_000));
        outage.set(true);
        try {
            stack.kill(victim);
            Thread.sleep(down.toMillis());
            stack.restart(victim);
            awaitHealthy(List.of(victim));
        } finally {
            outage.set(false);
        }
        return victim + " killed, restarted after " + down.toMillis() + " ms";
    }

    private String killDuringAntomCall(Random random) throws Exception {
        boolean pay = random.nextBoolean();
        String module = pay ? LocalStack.AUTHORIZATION : LocalStack.CAPTURE;
        String api = pay ? "pay" : "capture";
        sandbox.apiFault(api, "LATENCY", 4, true, Duration.ofSeconds(4));
        Thread.sleep(1_500 + random.nextInt(1_500));
        List<String> victims = serviceProcesses().stream().filter(name -> name.startsWith(module)).toList();
        outage.set(true);
        try {
            for (String victim : victims) {
                stack.kill(victim);
            }
            Thread.sleep(1_000 + random.nextInt(2_000));
            for (String victim : victims) {
                stack.restart(victim);
            }
            awaitHealthy(victims);
        } finally {
            outage.set(false);
        }
        return api + " slowed (applied, answered after 4 s), then " + victims + " killed mid-call and restarted";
    }

    /** Waits (up to two minutes) until the restarted processes answer their health check. */
    private void awaitHealthy(List<String> names) throws InterruptedException {
        long limit = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < limit && !names.stream().allMatch(stack::isHealthy)) {
            Thread.sleep(250);
        }
    }

    private String kafkaOutage(Random random) throws InterruptedException {
        Duration down = pick(settings.kafkaOutage(), random);
        outage.set(true);
        try {
            stack.stopKafka();
            Thread.sleep(down.toMillis());
            stack.startKafka();
        } finally {
            outage.set(false);
        }
        return "broker down " + down.toSeconds() + " s";
    }

    private String postgresOutage(Random random) throws Exception {
        Duration down = pick(settings.postgresOutage(), random);
        outage.set(true);
        try {
            stack.stopPostgres();
            Thread.sleep(down.toMillis());
            stack.startPostgres();
        } finally {
            outage.set(false);
        }
        return "PostgreSQL down " + down.toSeconds() + " s";
    }

    private String antom(Random random, String kind, Boolean apply, Duration latency) {
        String api = ANTOM_APIS.get(random.nextInt(ANTOM_APIS.size()));
        int count = 2 + random.nextInt(5);
        sandbox.apiFault(api, kind, count, apply, latency);
        return api + " x" + count + (apply == null ? "" : apply ? " (applied)" : " (not applied)")
                + (latency == null ? "" : " " + latency.toMillis() + " ms");
    }

    private String notification(Random random, String kind, Duration delay) {
        int count = 3 + random.nextInt(6);
        sandbox.notificationFault(kind, count, delay);
        return "next " + count + " notifications" + (delay == null ? "" : " by " + delay);
    }

    /** Three undecodable records on every input topic: raw bytes, an unknown schema id, garbage under a known id. */
    private String poison(Random random) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : Topics.ALL) {
                List<byte[]> values = List.of(
                        randomBytes(random, 40),
                        framed(999_999, randomBytes(random, 30)),
                        framed(1, randomBytes(random, 7)));
                for (byte[] value : values) {
                    producer.send(new ProducerRecord<>(topic, POISON_KEY + poisonSent.incrementAndGet(), value)).get();
                    poisonByTopic.merge(topic, 1, Integer::sum);
                }
            }
        }
        return "3 records on each of " + Topics.ALL;
    }

    private static byte[] framed(int schemaId, byte[] payload) {
        byte[] value = new byte[5 + payload.length];
        value[0] = 0;
        value[1] = (byte) (schemaId >>> 24);
        value[2] = (byte) (schemaId >>> 16);
        value[3] = (byte) (schemaId >>> 8);
        value[4] = (byte) schemaId;
        System.arraycopy(payload, 0, value, 5, payload.length);
        return value;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0x7f;
        return bytes;
    }

    private List<String> serviceProcesses() {
        List<String> names = new ArrayList<>();
        for (ChildProcess child : stack.children()) {
            // the money path's processes: the sandbox is Antom, payment-view a read model (one process, not a target)
            if (!child.name().equals(LocalStack.SANDBOX) && !child.name().equals(LocalStack.VIEW)) {
                names.add(child.name());
            }
        }
        return names;
    }

    private static Duration pick(ChaosSettings.Range range, Random random) {
        long spread = range.max().toMillis() - range.min().toMillis();
        return range.min().plusMillis(spread <= 0 ? 0 : (long) (random.nextDouble() * spread));
    }
}
