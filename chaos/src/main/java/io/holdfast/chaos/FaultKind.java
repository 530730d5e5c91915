package io.holdfast.chaos;

/** What the chaos runner does to the stack. */
public enum FaultKind {
    /** SIGKILL of one service replica at a random moment, restarted a few seconds later. */
    KILL_REPLICA(Family.PROCESS),
    /** Antom made slow (applied at once, answered seconds later), then every replica of the caller SIGKILLed: the
     * crash falls between the Antom call and the commit. */
    KILL_DURING_ANTOM_CALL(Family.PROCESS),
    /** The Kafka broker stopped, then started again. */
    KAFKA_OUTAGE(Family.INFRASTRUCTURE),
    /** PostgreSQL stopped (every connection closed, new ones refused), then started again. */
    POSTGRES_OUTAGE(Family.INFRASTRUCTURE),
    /** Antom answers {@code U}/{@code UNKNOWN_EXCEPTION}, applied or not. */
    ANTOM_UNKNOWN(Family.ANTOM),
    /** Antom applies the call and answers after the client's timeout. */
    ANTOM_APPLIED_THEN_TIMEOUT(Family.ANTOM),
    /** Antom answers HTTP 5xx without applying. */
    ANTOM_5XX(Family.ANTOM),
    /** Antom answers seconds late. */
    ANTOM_LATENCY(Family.ANTOM),
    /** Antom's answer has no signature. */
    ANTOM_UNSIGNED(Family.ANTOM),
    /** Antom's answer is signed with a key that is not Antom's. */
    ANTOM_WRONG_SIGNATURE(Family.ANTOM),
    /** The TCP connection is reset without an answer. */
    ANTOM_CONNECTION_RESET(Family.ANTOM),
    /** A capture answered CAPTURE_IN_PROCESS, completed later. */
    ANTOM_CAPTURE_IN_PROCESS(Family.ANTOM),
    /** Notifications delivered twice. */
    NOTIFY_DUPLICATE(Family.NOTIFICATION),
    /** Notifications held back until a later one was sent. */
    NOTIFY_REORDER(Family.NOTIFICATION),
    /** Notifications delayed past the services' inquiry (hours on the sandbox clock). */
    NOTIFY_DELAY(Family.NOTIFICATION),
    /** Notifications never sent. */
    NOTIFY_DROP(Family.NOTIFICATION),
    /** Undecodable records on every input topic. */
    POISON_RECORDS(Family.INPUT);

    /** Groups of fault kinds, for the report. */
    public enum Family { PROCESS, INFRASTRUCTURE, ANTOM, NOTIFICATION, INPUT }

    private final Family family;

    FaultKind(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** Faults that take the stack (or part of it) down for a while; the sandbox clock does not move during them. */
    public boolean isOutage() {
        return switch (family) {
            case PROCESS, INFRASTRUCTURE -> true;
            case ANTOM, NOTIFICATION, INPUT -> false;
        };
    }
}
