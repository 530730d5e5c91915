package io.holdfast.ingest.domain.notification;

import io.holdfast.ingest.domain.CardFacts;
import io.holdfast.ingest.domain.Money;
import java.time.Instant;

/** The content of a verified notification, one record per kind; each names the Kafka key it is published under. */
public sealed interface NotificationPayload {

    /**
     * The Kafka key: Antom's paymentId for payment and capture results, the vaultingRequestId for vaulting, the
     * refundRequestId for refund results (notifyRefund carries no paymentId).
     */
    String key();

    /** notifyPayment. */
    record PaymentResult(String notifyType, String resultStatus, String resultCode, String resultMessage,
            String paymentRequestId, String paymentId, Money paymentAmount, Instant paymentCreateTime,
            Instant paymentTime, Instant authExpiryTime, CardFacts card, String cardToken) implements NotificationPayload {

        @Override
        public String key() {
            return paymentId;
        }

        @Override
        public String toString() {
            return "PaymentResult[" + notifyType + " " + resultStatus + "/" + resultCode + " paymentRequestId="
                    + paymentRequestId + " paymentId=" + paymentId + "]";
        }
    }

    /** notifyCapture. */
    record CaptureResult(String resultStatus, String resultCode, String resultMessage, String captureRequestId,
            String paymentId, String captureId, Money captureAmount, Instant captureTime, String acquirerReferenceNo)
            implements NotificationPayload {

        @Override
        public String key() {
            return paymentId;
        }
    }

    /** notifyVaulting. */
    record VaultingResult(String resultStatus, String resultCode, String resultMessage, String vaultingRequestId,
            String cardToken, CardFacts card) implements NotificationPayload {

        @Override
        public String key() {
            return vaultingRequestId;
        }

        @Override
        public String toString() {
            return "VaultingResult[" + resultStatus + "/" + resultCode + " vaultingRequestId=" + vaultingRequestId + "]";
        }
    }

    /** notifyRefund: final (SUCCESS or FAIL); {@code result} carries the failure's code. */
    record RefundResult(String resultStatus, String resultCode, String resultMessage, String refundStatus,
            String refundRequestId, String refundId, Money refundAmount, Instant refundTime, String arn)
            implements NotificationPayload {

        @Override
        public String key() {
            return refundRequestId;
        }
    }
}
