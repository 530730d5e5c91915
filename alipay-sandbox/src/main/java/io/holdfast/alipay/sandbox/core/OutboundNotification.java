package io.holdfast.alipay.sandbox.core;

import tools.jackson.databind.node.ObjectNode;

/**
 * A notification the engine wants delivered.
 *
 * @param type notifyType
 * @param clientId the merchant client it belongs to (sent as {@code client-id})
 * @param url where to POST it
 * @param body the JSON body
 * @param orderingKey notifications with the same key are first delivered in the order they were raised
 *     (paymentId, or vaultingRequestId)
 */
public record OutboundNotification(NotificationType type, String clientId, String url, ObjectNode body,
        String orderingKey) {
}
