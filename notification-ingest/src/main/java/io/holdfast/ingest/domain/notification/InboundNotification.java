package io.holdfast.ingest.domain.notification;

/**
 * A notification as it arrived, before anything is trusted.
 *
 * @param kind which endpoint received it
 * @param signedPath the request path (and query) as Antom called it: part of the signed content
 * @param clientId the {@code client-id} header, null when absent
 * @param requestTime the {@code request-time} header verbatim, null when absent
 * @param signature the {@code signature} header, null when absent
 * @param rawBody the body exactly as received
 */
public record InboundNotification(NotificationKind kind, String signedPath, String clientId, String requestTime,
        String signature, byte[] rawBody) {

    @Override
    public String toString() {
        return "InboundNotification[kind=" + kind + ", path=" + signedPath + ", clientId=" + clientId + ", bytes="
                + rawBody.length + "]";
    }
}
