package io.holdfast.authorization.it;

import io.holdfast.schemas.common.CardSummary;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/** What notification-ingest would publish for a notifyPayment the sandbox sent (tests stand in for it). */
final class Notifications {

    private Notifications() {
    }

    static AlipayNotification of(NotificationCatcher.Received received, Instant receivedAt) {
        JsonNode json = received.json();
        JsonNode result = json.path("result");
        JsonNode info = json.path("paymentResultInfo");
        CardSummary card = info.isMissingNode() ? null : new CardSummary(text(info, "cardNo"),
                text(info, "cardBrand"), text(info, "funding"), text(info, "issuingCountry"));
        PaymentResultNotification payload = PaymentResultNotification.newBuilder()
                .setNotifyType(text(json, "notifyType")).setResultStatus(text(result, "resultStatus"))
                .setResultCode(text(result, "resultCode")).setResultMessage(text(result, "resultMessage"))
                .setPaymentRequestId(text(json, "paymentRequestId")).setPaymentId(text(json, "paymentId"))
                .setPaymentAmount(new Money(Long.parseLong(text(json.path("paymentAmount"), "value")),
                        text(json.path("paymentAmount"), "currency")))
                .setPaymentTime(time(text(json, "paymentTime"))).setAuthExpiryTime(time(text(json, "authExpiryTime")))
                .setCard(card).build();
        return AlipayNotification.newBuilder().setNotificationId(sha256(received.body())).setReceivedAt(receivedAt)
                .setClientId(TestInfrastructure.CLIENT_ID).setRequestTime(receivedAt.toString()).setPayload(payload)
                .build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static Instant time(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).toInstant();
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
