package io.holdfast.alipay.sandbox.core;

import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders payments into Antom's response and notification bodies (reference sections 3.2, 6 and 7). */
final class PaymentViews {

    private final ZoneOffset offset;

    PaymentViews(ZoneOffset offset) {
        this.offset = offset;
    }

    /** The pay response for the payment's current state. */
    ObjectNode payResponse(Payment payment, ApiResult result, String normalUrl) {
        ObjectNode body = Json.object();
        body.set("result", Json.result(result));
        identity(payment, body);
        if (normalUrl != null) {
            body.put("normalUrl", normalUrl);
            ObjectNode form = body.putObject("redirectActionForm");
            form.put("method", "GET");
            form.put("redirectUrl", normalUrl);
            form.put("actionFormType", "RedirectActionForm");
        }
        if (payment.state() != PaymentState.PROCESSING) {
            body.set("paymentResultInfo", resultInfo(payment));
        }
        return body;
    }

    ObjectNode inquiryResponse(Payment payment, String normalUrl) {
        ObjectNode body = Json.object();
        body.set("result", Json.result(ApiResult.SUCCESS));
        body.put("paymentStatus", paymentStatus(payment.state()));
        body.put("paymentResultCode", payment.result().resultCode());
        body.put("paymentResultMessage", payment.result().resultMessage());
        identity(payment, body);
        body.put("paymentMethodType", "CARD");
        if (normalUrl != null) {
            ObjectNode form = body.putObject("redirectActionForm");
            form.put("method", "GET");
            form.put("redirectUrl", normalUrl);
            form.put("actionFormType", "RedirectActionForm");
        }
        if (payment.state() != PaymentState.PROCESSING) {
            body.set("paymentResultInfo", resultInfo(payment));
            body.set("cardInfo", cardInfo(payment));
        }
        ArrayNode transactions = transactions(payment);
        if (!transactions.isEmpty()) {
            body.set("transactions", transactions);
        }
        return body;
    }

    ObjectNode paymentNotification(Payment payment) {
        ObjectNode body = Json.object();
        body.put("notifyType", NotificationType.PAYMENT_RESULT.name());
        body.set("result", Json.result(notificationResult(payment.result())));
        identity(payment, body);
        body.put("paymentMethodType", "CARD");
        body.set("paymentResultInfo", resultInfo(payment));
        return body;
    }

    ObjectNode captureNotification(Payment payment, CaptureRecord capture) {
        ObjectNode body = Json.object();
        body.put("notifyType", NotificationType.CAPTURE_RESULT.name());
        body.set("result", Json.result(notificationResult(ApiResult.SUCCESS)));
        body.put("captureRequestId", capture.captureRequestId());
        body.put("paymentId", payment.paymentId());
        body.put("captureId", capture.captureId());
        body.set("captureAmount", Json.amount(capture.amount()));
        body.put("captureTime", time(capture.time()));
        body.put("acquirerReferenceNo", capture.captureId());
        return body;
    }

    /** The U/CAPTURE_IN_PROCESS answer: the ids that were sent, no captureId or captureTime yet (UNCONFIRMED). */
    ObjectNode captureInProcessResponse(Payment payment, CaptureRecord capture) {
        ObjectNode body = Json.object();
        body.set("result", Json.result(ApiResult.CAPTURE_IN_PROCESS));
        body.put("captureRequestId", capture.captureRequestId());
        body.put("paymentId", payment.paymentId());
        body.set("captureAmount", Json.amount(capture.amount()));
        return body;
    }

    ObjectNode captureResponse(Payment payment, CaptureRecord capture) {
        ObjectNode body = Json.object();
        body.set("result", Json.result(ApiResult.SUCCESS));
        body.put("captureRequestId", capture.captureRequestId());
        body.put("captureId", capture.captureId());
        body.put("paymentId", payment.paymentId());
        body.set("captureAmount", Json.amount(capture.amount()));
        body.put("captureTime", time(capture.time()));
        body.put("acquirerReferenceNo", capture.captureId());
        return body;
    }

    /**
     * The refund answer for the refund's current state (antom-refunds.md 1): U/REFUND_IN_PROCESS with only
     * {@code refundTime} while processing (the ids come back only with S); S with the ids, the amount and the
     * refund time once it succeeded; the failure code once it failed.
     */
    ObjectNode refundResponse(RefundRecord refund) {
        ObjectNode body = Json.object();
        body.set("result", Json.result(refund.result()));
        if (refund.status() == RefundRecord.Status.SUCCESS) {
            body.put("refundRequestId", refund.refundRequestId());
            body.put("refundId", refund.refundId());
            body.put("paymentId", refund.paymentId());
            body.set("refundAmount", Json.amount(refund.amount()));
        }
        body.put("refundTime", time(refund.finishedAt() != null ? refund.finishedAt() : refund.acceptedAt()));
        return body;
    }

    /**
     * inquiryRefund (antom-refunds.md 5): the query succeeded; {@code refundStatus} is the refund's. Ids, amount and
     * refundTime only on SUCCESS. {@code refundResult} (the failure's code) is a sandbox extension: where Antom puts a
     * failed refund's code is UNCONFIRMED.
     */
    ObjectNode inquiryRefundResponse(RefundRecord refund) {
        ObjectNode body = Json.object();
        body.set("result", Json.result(ApiResult.SUCCESS));
        body.put("refundStatus", refund.status().name());
        if (refund.status() == RefundRecord.Status.SUCCESS) {
            body.put("refundRequestId", refund.refundRequestId());
            body.put("refundId", refund.refundId());
            body.set("refundAmount", Json.amount(refund.amount()));
            body.put("refundTime", time(refund.finishedAt()));
        }
        if (refund.status() == RefundRecord.Status.FAIL) {
            body.set("refundResult", Json.result(refund.result()));
        }
        if (refund.metadata() != null) {
            body.put("metadata", refund.metadata());
        }
        return body;
    }

    /** notifyRefund (antom-refunds.md 6): final results only; no paymentId. */
    ObjectNode refundNotification(RefundRecord refund) {
        ObjectNode body = Json.object();
        body.put("notifyType", NotificationType.REFUND_RESULT.name());
        body.set("result", Json.result(notificationResult(refund.result())));
        body.put("refundStatus", refund.status().name());
        body.put("refundRequestId", refund.refundRequestId());
        body.put("refundId", refund.refundId());
        body.set("refundAmount", Json.amount(refund.amount()));
        if (refund.status() == RefundRecord.Status.SUCCESS) {
            body.put("refundTime", time(refund.finishedAt()));
        }
        if (refund.metadata() != null) {
            body.put("metadata", refund.metadata());
        }
        return body;
    }

    /** The {@code result} of a stored response. */
    ApiResult resultOf(ObjectNode response) {
        var result = response.path("result");
        return new ApiResult(result.path("resultCode").asString(), result.path("resultStatus").asString(),
                result.path("resultMessage").asString());
    }

    /** Notifications say "success" where API responses say "success." (both as in Antom's samples). */
    static ApiResult notificationResult(ApiResult result) {
        return result.isSuccess() ? new ApiResult("SUCCESS", "S", "success") : result;
    }

    static String paymentStatus(PaymentState state) {
        return switch (state) {
            case PROCESSING -> "PROCESSING";
            case AUTHORIZED, CAPTURING, CAPTURED -> "SUCCESS";
            case FAILED -> "FAIL";
            case CANCELLED, EXPIRED -> "CANCELLED";
        };
    }

    private void identity(Payment payment, ObjectNode body) {
        body.put("paymentRequestId", payment.paymentRequestId());
        body.put("paymentId", payment.paymentId());
        body.set("paymentAmount", Json.amount(payment.amount()));
        body.put("paymentCreateTime", time(payment.createTime()));
        if (payment.paymentTime() != null) {
            body.put("paymentTime", time(payment.paymentTime()));
        }
        if (payment.authExpiryTime() != null) {
            body.put("authExpiryTime", time(payment.authExpiryTime()));
        }
    }

    private ObjectNode resultInfo(Payment payment) {
        Card card = payment.request().card();
        CardProfile profile = card.profile();
        ObjectNode info = Json.object();
        info.put("cardNo", card.masked());
        info.put("cardBrand", profile.brand());
        info.put("cardBin", card.bin());
        info.put("lastFour", card.lastFour());
        info.put("expiryMonth", card.expiryMonth());
        info.put("expiryYear", card.expiryYear());
        info.put("funding", profile.funding());
        info.put("issuingCountry", profile.issuingCountry());
        info.put("paymentMethodRegion", profile.issuingCountry());
        info.put("cardCategory", "CONSUMER");
        String token = payment.issuedToken() != null ? payment.issuedToken() : payment.request().paymentMethodId();
        if (token != null) {
            info.put("cardToken", token);
        }
        if (payment.networkTransactionId() != null) {
            info.put("networkTransactionId", payment.networkTransactionId());
            info.put("authorizationCode", payment.networkTransactionId().substring(0, 6));
            info.put("avsResultRaw", "Y");
            info.put("cvvResultRaw", "M");
        }
        if (payment.state() == PaymentState.FAILED) {
            info.put("refusalCodeRaw", payment.result().resultCode());
            info.put("refusalReasonRaw", payment.result().resultMessage());
        }
        if (payment.challenged()) {
            ObjectNode threeDs = info.putObject("threeDSResult");
            threeDs.put("threeDSVersion", "2.2.0");
            threeDs.put("eci", "05");
            threeDs.put("challenged", true);
            threeDs.put("threeDSOffered", true);
        }
        return info;
    }

    private ObjectNode cardInfo(Payment payment) {
        Card card = payment.request().card();
        ObjectNode info = Json.object();
        info.put("cardNo", card.masked());
        info.put("cardBrand", card.profile().brand());
        info.put("funding", card.profile().funding());
        info.put("issuingCountry", card.profile().issuingCountry());
        return info;
    }

    private ArrayNode transactions(Payment payment) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        CaptureRecord capture = payment.capture();
        if (capture != null) {
            boolean inProcess = payment.state() == PaymentState.CAPTURING;
            list.add(transaction("CAPTURE", capture.captureId(), capture.captureRequestId(), capture.amount(),
                    capture.time(), inProcess ? ApiResult.CAPTURE_IN_PROCESS : ApiResult.SUCCESS));
        }
        if (payment.cancelTime() != null) {
            list.add(transaction("CANCEL", payment.cancelTransactionId(), payment.paymentRequestId(),
                    payment.amount(), payment.cancelTime(), ApiResult.SUCCESS));
        }
        if (payment.voidTime() != null) {
            list.add(transaction("VOID", payment.voidTransactionId(), null, payment.amount(), payment.voidTime(),
                    ApiResult.SUCCESS));
        }
        // antom-refunds.md 7, 8: a REFUND entry per accepted refund, from acceptance
        for (RefundRecord refund : payment.refunds()) {
            ObjectNode node = transaction("REFUND", refund.refundId(), refund.refundRequestId(), refund.amount(),
                    refund.finishedAt() != null ? refund.finishedAt() : refund.acceptedAt(), refund.result());
            node.put("transactionStatus", refund.status().name());
            list.add(node);
        }
        return list;
    }

    private ObjectNode transaction(String type, String id, String requestId, Amount amount, Instant at,
            ApiResult result) {
        ObjectNode node = Json.object();
        node.put("transactionType", type);
        node.put("transactionStatus", result.isSuccess() ? "SUCCESS" : "PROCESSING");
        node.set("transactionResult", Json.result(result));
        node.put("transactionId", id);
        if (requestId != null) {
            node.put("transactionRequestId", requestId);
        }
        node.set("transactionAmount", Json.amount(amount));
        node.put("transactionTime", time(at));
        return node;
    }

    private String time(Instant instant) {
        return Times.format(instant, offset);
    }
}
