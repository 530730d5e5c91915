package io.holdfast.alipay.sandbox.notify;

import io.holdfast.alipay.sandbox.core.NotificationType;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A notification delivery and its attempts, for tests and audits.
 *
 * @param id 1-based, in the order notifications were raised
 * @param type notifyType
 * @param clientId merchant client
 * @param url target
 * @param orderingKey paymentId or vaultingRequestId
 * @param duplicateOf the delivery this one duplicates (duplicate fault), else null
 * @param status current status
 * @param nextAttemptAt when the next attempt falls due, null when none will be made
 * @param body the notification body
 * @param attempts the attempts so far, in order
 */
public record DeliveryView(long id, NotificationType type, String clientId, String url, String orderingKey,
        Long duplicateOf, DeliveryStatus status, Instant nextAttemptAt, JsonNode body, List<DeliveryAttempt> attempts) {
}
