package io.holdfast.schemas.serde;

/** The registry refused a request or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;

    public SchemaRegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public SchemaRegistryException(String message, int status) {
        this(message, status, null);
    }

    /** The HTTP status, or -1 when no answer came. */
    public int status() {
        return status;
    }
}
