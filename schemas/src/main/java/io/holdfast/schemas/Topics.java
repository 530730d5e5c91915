package io.holdfast.schemas;

import java.util.List;

/**
 * The Kafka topics of the Holdfast contract. Names are final once released. Each has a dead-letter topic named
 * {@code <topic>.DLT} (Spring Kafka's convention) that keeps rejected and unreadable records with their bytes intact.
 */
public final class Topics {

    /** Merchant to Holdfast: {@code PaymentCommand}, key paymentRequestId. */
    public static final String PAYMENTS_COMMANDS = "payments.commands";
    /** Holdfast to merchant and between services: {@code PaymentEvent}, key paymentRequestId. */
    public static final String PAYMENTS_EVENTS = "payments.events";
    /** Verified Antom notifications from the edge: {@code AlipayNotification}, key Antom paymentId. */
    public static final String ALIPAY_NOTIFICATIONS = "alipay.notifications";

    public static final String DLT_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(PAYMENTS_COMMANDS, PAYMENTS_EVENTS, ALIPAY_NOTIFICATIONS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }

    /** Subject of a topic's values under the topic-name strategy. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
