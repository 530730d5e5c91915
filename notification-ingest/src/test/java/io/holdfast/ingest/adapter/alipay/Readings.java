package io.holdfast.ingest.adapter.alipay;

import io.holdfast.ingest.domain.notification.NotificationKind;

/** The two readings of a verified body, for {@code io.holdfast.ingest.bench.ReadingBenchmark}. */
public final class Readings {

    private static final AntomNotificationReader READER = new AntomNotificationReader(null);

    private Readings() {
    }

    /** The one-pass reading ({@link NotificationScan}, the rules, the parser): the payload or the refusal. */
    public static Object onePass(NotificationKind urlKind, byte[] rawBody) {
        return READER.read(urlKind, rawBody);
    }

    /** The full-tree reading it replaced ({@link TreeReadingOracle}). */
    public static Object fullTree(NotificationKind urlKind, byte[] rawBody) {
        return TreeReadingOracle.read(urlKind, rawBody);
    }
}
