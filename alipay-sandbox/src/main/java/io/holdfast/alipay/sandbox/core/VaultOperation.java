package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.CardProfile.CardBehaviour;
import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import io.holdfast.alipay.sandbox.core.SandboxState.Vaulting;
import tools.jackson.databind.node.ObjectNode;

/**
 * vaultPaymentMethod, reference section 10: stores a card and returns an opaque cardToken usable as
 * {@code paymentMethod.paymentMethodId} in pay; the result is also sent as notifyVaulting.
 */
final class VaultOperation {

    private final SandboxState state;

    VaultOperation(SandboxState state) {
        this.state = state;
    }

    ObjectNode vault(String clientId, RequestReader body) {
        String vaultingRequestId = body.text("vaultingRequestId", 64);
        String notifyUrl = body.text("vaultingNotificationUrl", 2048);
        body.text("redirectUrl", 2048);
        RequestReader detail = body.object("paymentMethodDetail");
        if (!"CARD".equals(detail.text("paymentMethodType", 64))) {
            throw new ParamIllegalException("paymentMethodDetail.paymentMethodType must be CARD");
        }
        RequestReader cardFields = detail.object("card");
        Card card = CardReader.read(cardFields);
        cardFields.flag("is3DSAuthentication");
        Vaulting earlier = state.vaulting(clientId, vaultingRequestId);
        if (earlier != null) {
            ObjectNode response = earlier.cardNumber().equals(card.number()) ? earlier.response()
                    : Json.resultOnly(ApiResult.failed("REPEAT_REQ_INCONSISTENT",
                            "the vaultingRequestId was used with a different card"));
            state.ledger.append(new Draft(clientId, LedgerOperation.VAULT_PAYMENT_METHOD, null, null,
                    vaultingRequestId, response.path("paymentMethodDetail").path("card").path("cardToken")
                            .asString(null), null, resultOf(response), true));
            return response;
        }
        DeclineCode decline = CardReader.formatDecline(card);
        if (decline == null && card.profile().behaviour() == CardBehaviour.DECLINE) {
            decline = DeclineCode.DO_NOT_HONOR;
        }
        ObjectNode response;
        String token = null;
        if (decline != null) {
            response = Json.resultOnly(decline.result());
            response.put("vaultingRequestId", vaultingRequestId);
        } else {
            token = state.issueToken(clientId, card);
            response = Json.resultOnly(ApiResult.SUCCESS);
            response.put("vaultingRequestId", vaultingRequestId);
            response.set("paymentMethodDetail", detail(card, token));
        }
        state.storeVaulting(clientId, new Vaulting(vaultingRequestId, card.number(), response));
        ApiResult result = resultOf(response);
        state.ledger.append(new Draft(clientId, LedgerOperation.VAULT_PAYMENT_METHOD, null, null, vaultingRequestId,
                token, null, result, false));
        ObjectNode notification = response.deepCopy();
        notification.put("notifyType", NotificationType.VAULTING_RESULT.name());
        notification.set("result", Json.result(PaymentViews.notificationResult(result)));
        notification.put("vaultingCreateTime", state.time(state.now()));
        state.notify(NotificationType.VAULTING_RESULT, clientId, notifyUrl, notification, vaultingRequestId);
        return response;
    }

    private static ObjectNode detail(Card card, String token) {
        ObjectNode detail = Json.object();
        detail.put("paymentMethodType", "CARD");
        ObjectNode node = detail.putObject("card");
        node.put("cardToken", token);
        node.put("maskedCardNo", card.masked());
        node.put("brand", card.profile().brand());
        node.put("funding", card.profile().funding());
        node.put("issuingCountry", card.profile().issuingCountry());
        node.put("expiryMonth", card.expiryMonth());
        node.put("expiryYear", card.expiryYear());
        return detail;
    }

    private static ApiResult resultOf(ObjectNode response) {
        var result = response.path("result");
        return new ApiResult(result.path("resultCode").asString(), result.path("resultStatus").asString(),
                result.path("resultMessage").asString());
    }
}
