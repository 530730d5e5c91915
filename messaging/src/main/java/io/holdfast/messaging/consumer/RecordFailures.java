package io.holdfast.messaging.consumer;

import io.holdfast.schemas.serde.SchemaRegistryException;
import java.util.Set;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Which failures of a consumed record are transient and which are permanent: the one classification every consumer
 * uses. Exception types decide, never the message text.
 *
 * <ul>
 *   <li><b>permanent</b> (dead-lettered at once): a {@link PermanentRecordException} anywhere in the cause chain
 *       (rejected by validation, ownership, a conflicting commandId), or bytes that cannot be decoded
 *       ({@link DeserializationException}, {@link RecordDeserializationException}) for a reason other than an
 *       unreachable registry;</li>
 *   <li><b>transient</b> (retried with capped backoff for as long as it lasts): everything else — the database, the
 *       broker, the schema registry ({@link SchemaRegistryException} with no answer, 408, 429 or 5xx), timeouts, and
 *       failures nobody classified. An unclassified failure is retried rather than dead-lettered because a stalled
 *       partition raises an alert and loses nothing, while a dead-lettered {@code PaymentAuthorized} silently loses an
 *       authorization to the capture deadline.</li>
 * </ul>
 */
public final class RecordFailures {

    /** What to do with a failed record. */
    public enum Kind {
        /** Retry with backoff, without limit, the partition paused between attempts. */
        TRANSIENT,
        /** Never succeeds: to the dead-letter topic now. */
        PERMANENT
    }

    /** Registry answers that mean "this schema id or subject does not exist": retrying cannot help. */
    private static final Set<Integer> PERMANENT_REGISTRY_STATUSES = Set.of(404, 422);

    private static final int MAX_CAUSES = 32;

    private RecordFailures() {
    }

    public static Kind classify(Throwable failure) {
        boolean undecodable = false;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof PermanentRecordException) {
                return Kind.PERMANENT;
            }
            if (t instanceof SchemaRegistryException registry) {
                return PERMANENT_REGISTRY_STATUSES.contains(registry.status()) ? Kind.PERMANENT : Kind.TRANSIENT;
            }
            if (t instanceof DeserializationException || t instanceof RecordDeserializationException) {
                undecodable = true;
            }
        }
        return undecodable ? Kind.PERMANENT : Kind.TRANSIENT;
    }
}
