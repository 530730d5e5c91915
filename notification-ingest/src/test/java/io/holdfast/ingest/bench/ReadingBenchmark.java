package io.holdfast.ingest.bench;

import io.holdfast.ingest.adapter.alipay.Readings;
import io.holdfast.ingest.domain.notification.NotificationId;
import io.holdfast.ingest.domain.notification.NotificationKind;
import java.nio.charset.StandardCharsets;

/**
 * Benchmark (not a test): the CPU of reading a verified notifyPayment body on one hot thread, the one-pass reading
 * against the full-tree reading it replaced ({@link Readings}), and the notification id's SHA-256. The
 * bodies are {@code NotificationBenchmark}'s. Prints microseconds per body for three rounds of 300,000.
 */
public final class ReadingBenchmark {

    private static final int ROUNDS = 3;
    private static final int PER_ROUND = 300_000;

    private ReadingBenchmark() {
    }

    public static void main(String[] args) {
        byte[][] bodies = new byte[1024][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = body(i).getBytes(StandardCharsets.UTF_8);
        }
        for (int round = 0; round < ROUNDS; round++) {
            long sink = 0;
            long start = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink += Readings.fullTree(NotificationKind.PAYMENT, bodies[i & 1023]).hashCode();
            }
            long tree = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink += Readings.onePass(NotificationKind.PAYMENT, bodies[i & 1023]).hashCode();
            }
            long onePass = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink += NotificationId.ofRawBody(bodies[i & 1023]).hashCode();
            }
            long id = System.nanoTime();
            out("full tree %.2f us, one pass %.2f us, notification id %.2f us (%d)", (tree - start) / 1e3 / PER_ROUND,
                    (onePass - tree) / 1e3 / PER_ROUND, (id - onePass) / 1e3 / PER_ROUND, sink);
        }
    }

    private static String body(int i) {
        return "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success\"},\"paymentRequestId\":\"bench-" + i + "\",\"paymentId\":\"pay-bench-"
                + i + "\",\"paymentAmount\":{\"value\":\"" + (1000 + i % 9000) + "\",\"currency\":\"USD\"},"
                + "\"paymentCreateTime\":\"2026-01-01T12:01:00+08:00\",\"paymentTime\":\"2026-01-01T12:01:01+08:00\","
                + "\"authExpiryTime\":\"2026-01-08T12:01:01+08:00\"}";
    }

    @SuppressWarnings("java:S106")
    private static void out(String format, Object... values) {
        System.out.println(String.format(format, values));
    }
}
