package io.holdfast.alipay.sandbox.notify;

import java.time.Duration;

/**
 * Pending notification faults: each applies to the next N notifications raised. Guarded by the dispatcher.
 */
final class NotificationFaults {

    private int duplicates;
    private int reorders;
    private int delays;
    private int drops;
    private Duration delay = Duration.ZERO;

    void duplicateNext(int count) {
        duplicates += count;
    }

    void reorderNext(int count) {
        reorders += count;
    }

    void delayNext(int count, Duration by) {
        delays += count;
        delay = by;
    }

    void dropNext(int count) {
        drops += count;
    }

    void clear() {
        drops = 0;
        duplicates = 0;
        reorders = 0;
        delays = 0;
    }

    boolean takeDuplicate() {
        return duplicates > 0 && duplicates-- > 0;
    }

    boolean takeDrop() {
        return drops > 0 && drops-- > 0;
    }

    boolean takeReorder() {
        return reorders > 0 && reorders-- > 0;
    }

    Duration takeDelay() {
        if (delays > 0) {
            delays--;
            return delay;
        }
        return Duration.ZERO;
    }
}
