package io.holdfast.messaging.consumer;

import java.time.DateTimeException;
import java.util.function.Supplier;

/**
 * A record that decodes against its schema but breaks the contract's rules (a required id missing, an amount out of
 * range, an unparseable time): it can never succeed, so it is dead-lettered at once.
 */
public class InvalidRecordException extends PermanentRecordException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Maps a consumed record to the service's own types; a rule the mapping enforces (a null where a value is
     * required, an illegal argument, a time that does not parse) becomes an {@code InvalidRecordException}. Only the
     * mapping runs here, never the handling: a failure while handling is classified on its own.
     */
    public static <T> T mapping(String what, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (NullPointerException | IllegalArgumentException | DateTimeException e) {
            throw new InvalidRecordException(what + " breaks the contract: " + e.getMessage(), e);
        }
    }
}
