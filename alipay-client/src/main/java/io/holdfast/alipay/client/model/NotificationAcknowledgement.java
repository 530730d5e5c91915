package io.holdfast.alipay.client.model;

/**
 * The fixed body a merchant answers every Antom notification with (reference 7.4); anything else makes Antom
 * resend. It needs no signature.
 */
public record NotificationAcknowledgement(Result result) {

    public static final NotificationAcknowledgement SUCCESS = new NotificationAcknowledgement(Result.success());
}
