package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.UserName;
import io.holdfast.alipay.client.model.VaultCard;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import io.holdfast.alipay.client.model.VaultPaymentMethodResponse;
import io.holdfast.ingest.application.CardVault;
import io.holdfast.ingest.domain.CardFacts;
import io.holdfast.ingest.domain.command.CardInput;
import io.holdfast.ingest.domain.command.VaultOutcome;
import io.holdfast.ingest.domain.command.VaultRequest;
import reactor.core.publisher.Mono;

/**
 * Exchanges a raw card for an Antom cardToken with vaultPaymentMethod (reference 10). The raw card exists only in the
 * request object built here and in the signed HTTP body; alipay-client masks card data in its own logs.
 */
public final class AntomCardVault implements CardVault {

    private final AlipayClient client;
    private final String vaultingNotificationUrl;
    private final String redirectUrl;

    /**
     * @param vaultingNotificationUrl where Antom sends notifyVaulting: this edge's {@code /alipay/notifications/vaulting}
     * @param redirectUrl where the buyer returns after a 3-D Secure verification of the card
     */
    public AntomCardVault(AlipayClient client, String vaultingNotificationUrl, String redirectUrl) {
        this.client = client;
        this.vaultingNotificationUrl = vaultingNotificationUrl;
        this.redirectUrl = redirectUrl;
    }

    @Override
    public Mono<VaultOutcome> vault(VaultRequest request) {
        CardInput.RawCard raw = request.card();
        VaultCard card = new VaultCard(raw.cardNo(), raw.expiryYear(), raw.expiryMonth(), raw.cvv(),
                raw.holderName() == null ? null : new UserName(null, null, null, raw.holderName()), null,
                raw.threeDSAuthentication() ? Boolean.TRUE : null, null, null, null, null, null, null);
        Env env = request.env() == null ? null : AntomEnv.of(request.env());
        VaultPaymentMethodRequest body = VaultPaymentMethodRequest.card(request.vaultingRequestId(),
                vaultingNotificationUrl, redirectUrl, card, env);
        body = new VaultPaymentMethodRequest(body.vaultingRequestId(), body.vaultingNotificationUrl(),
                body.redirectUrl(), body.paymentMethodDetail(), body.env(), request.merchantRegion(), null);
        return client.vaultPaymentMethod(body).map(AntomCardVault::outcome);
    }

    private static VaultOutcome outcome(AlipayOutcome<VaultPaymentMethodResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<VaultPaymentMethodResponse> succeeded) {
            VaultCard card = succeeded.response().paymentMethodDetail() == null ? null
                    : succeeded.response().paymentMethodDetail().card();
            if (card == null || card.cardToken() == null || card.cardToken().isBlank()) {
                return new VaultOutcome.Unavailable("vaulting succeeded without a cardToken");
            }
            return new VaultOutcome.Vaulted(card.cardToken(), CardFacts.fromAntom(card.maskedCardNo(),
                    card.cardBrand() == null ? card.brand() : card.cardBrand(), card.funding(), card.issuingCountry()));
        }
        if (outcome instanceof AlipayOutcome.InProcess<VaultPaymentMethodResponse> inProcess) {
            String url = inProcess.redirect().normalUrl();
            return url == null ? new VaultOutcome.Unavailable("verification in process without a redirect URL")
                    : new VaultOutcome.VerificationRequired(inProcess.response().vaultingRequestId(), url);
        }
        if (outcome instanceof AlipayOutcome.Failed<VaultPaymentMethodResponse> failed) {
            return new VaultOutcome.Refused(failed.rawCode(), failed.message());
        }
        if (outcome instanceof AlipayOutcome.Unknown<VaultPaymentMethodResponse> unknown) {
            return new VaultOutcome.Unavailable("unknown: " + unknown.reason());
        }
        if (outcome instanceof AlipayOutcome.NotSent<VaultPaymentMethodResponse> notSent) {
            return new VaultOutcome.Unavailable("not sent: " + notSent.reason());
        }
        throw new IllegalStateException("unhandled " + outcome);
    }
}
