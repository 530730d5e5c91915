package io.holdfast.messaging.wakeup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * An in-process signal that wakes a polling loop as soon as there is work for it, so that work written by this process
 * is picked up right after its transaction commits instead of at the loop's next poll. Signals coalesce: any number of
 * them before the loop waits again wake it once. The loop's poll interval stays as the fallback for work this process
 * did not signal (another replica's, what a crash left behind).
 */
public final class Wakeup {

    private final Object lock = new Object();
    private boolean pending;

    /** Wakes the loop (now, or at its next wait if it is busy). */
    public void signal() {
        synchronized (lock) {
            pending = true;
            lock.notifyAll();
        }
    }

    /**
     * Signals once the current reactive transaction has committed (nothing on a rollback), or at once when there is no
     * transaction. Subscribe to it inside the transaction whose work the loop should see.
     */
    public Mono<Void> signalAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> {
                    if (transaction.isSynchronizationActive()) {
                        transaction.registerSynchronization(new AfterCommit(this));
                    } else {
                        signal();
                    }
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(this::signal))
                .then();
    }

    /**
     * Waits until signalled or until {@code timeout} has passed, and consumes the signal.
     *
     * @return whether a signal came (false: the timeout passed)
     * @throws InterruptedException when the loop is being stopped
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!pending) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            pending = false;
            return true;
        }
    }

    private record AfterCommit(Wakeup wakeup) implements TransactionSynchronization {

        @Override
        public Mono<Void> afterCommit() {
            return Mono.fromRunnable(wakeup::signal);
        }
    }
}
