package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.sandbox.core.LedgerEntry;
import io.holdfast.alipay.sandbox.core.SandboxClock;
import io.holdfast.alipay.sandbox.core.SandboxEngine;
import io.holdfast.alipay.sandbox.fault.FaultPlan;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.alipay.sandbox.notify.DeliveryView;
import io.holdfast.alipay.sandbox.notify.NotificationDispatcher;
import io.holdfast.alipay.sandbox.timing.ServingTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The control surface for tests and fault drills (also served over HTTP under {@code /sandbox/control/}): move
 * the clock, inject API and notification faults, read the ledger and the notification deliveries.
 */
public final class SandboxControl {

    private final SandboxClock clock;
    private final Clock systemClock;
    private final SandboxEngine engine;
    private final NotificationDispatcher notifications;
    private final FaultPlan faults;
    private final ServingTimes times;

    SandboxControl(SandboxClock clock, Clock systemClock, SandboxEngine engine, NotificationDispatcher notifications,
            FaultPlan faults, ServingTimes times) {
        this.times = times;
        this.clock = clock;
        this.systemClock = systemClock;
        this.engine = engine;
        this.notifications = notifications;
        this.faults = faults;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Sandbox time minus real (system) time, read at one instant: what a service's clock must add to follow the
     * sandbox. With the default base clock it is the total of every {@link #advanceClock(Duration)}; with a fixed
     * base clock it also holds the distance between that clock and real time.
     */
    public ClockReading clock() {
        Instant real = systemClock.instant();
        Instant sandbox = clock.instant();
        return new ClockReading(sandbox, Duration.between(real, sandbox).toMillis(), clock.offset());
    }

    /**
     * One reading of the sandbox clock, as {@code GET /sandbox/control/clock} serves it.
     *
     * @param now the sandbox's current time
     * @param offsetMillis sandbox time minus real system time, in milliseconds
     * @param advancedBy how far the clock has been moved past its base clock in total
     */
    public record ClockReading(Instant now, long offsetMillis, Duration advancedBy) {
    }

    /**
     * Moves the sandbox clock forward (never backwards) and runs what fell due: authorization expiry, payment
     * closing, notification retries.
     */
    public Instant advanceClock(Duration by) {
        Instant now = clock.advance(by);
        engine.expireDue();
        notifications.pump();
        return now;
    }

    /**
     * Completes every capture answered CAPTURE_IN_PROCESS now, without waiting for the completion delay; each
     * sends notifyCapture. Returns how many completed.
     */
    public int completePendingCaptures() {
        int completed = engine.completePendingCaptures();
        notifications.pump();
        return completed;
    }

    /**
     * Makes every refund answered REFUND_IN_PROCESS final now (SUCCESS, or the FAIL its trigger names), without
     * waiting for the completion delay; each sends notifyRefund. Returns how many completed.
     */
    public int completePendingRefunds() {
        int completed = engine.completePendingRefunds();
        notifications.pump();
        return completed;
    }

    /** Injects a fault; returns its id. */
    public long injectFault(FaultSpec fault) {
        return faults.add(fault);
    }

    public boolean removeFault(long id) {
        return faults.remove(id);
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<FaultPlan.Active> faults() {
        return faults.active();
    }

    /** The next {@code count} notifications are each delivered twice (two independent deliveries). */
    public void duplicateNextNotifications(int count) {
        notifications.duplicateNext(count);
    }

    /** The next {@code count} notifications are never sent (status DROPPED): the merchant must inquire. */
    public void dropNextNotifications(int count) {
        notifications.dropNext(count);
    }

    /**
     * The next {@code count} notifications are held back until a later notification has been attempted (or
     * {@link #releaseHeldNotifications()}), so they arrive out of order.
     */
    public void reorderNextNotifications(int count) {
        notifications.reorderNext(count);
    }

    /** The next {@code count} notifications are first attempted {@code by} later on the sandbox clock. */
    public void delayNextNotifications(int count, Duration by) {
        notifications.delayNext(count, by);
    }

    public void releaseHeldNotifications() {
        notifications.releaseHeld();
    }

    public void clearNotificationFaults() {
        notifications.clearFaults();
    }

    /** Every applied operation, in order. */
    public List<LedgerEntry> ledger() {
        return engine.ledger();
    }

    /** Every notification delivery with its attempts, in the order notifications were raised. */
    public List<DeliveryView> deliveries() {
        return notifications.deliveries();
    }

    /**
     * The sandbox's own time so far, per API and for notifications ({@link ServingTimes#NOTIFY}): what a benchmark
     * subtracts as "Antom's" latency.
     */
    public Map<String, ServingTimes.Reading> servingTimes() {
        return times.read();
    }
}
