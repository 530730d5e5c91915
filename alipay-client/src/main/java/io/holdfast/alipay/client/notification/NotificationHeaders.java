package io.holdfast.alipay.client.notification;

/**
 * The headers of an inbound Antom notification, read case-insensitively by the web layer ({@code client-id},
 * {@code request-time}, {@code signature}); any may be null when absent.
 *
 * @param requestTime opaque: millis or ISO-8601, used verbatim in the signed content
 */
public record NotificationHeaders(String clientId, String requestTime, String signature) {
}
