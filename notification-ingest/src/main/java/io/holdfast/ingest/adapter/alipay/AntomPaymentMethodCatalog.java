package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.Amount;
import io.holdfast.alipay.client.model.ConsultRequest;
import io.holdfast.alipay.client.model.ConsultResponse;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.Logo;
import io.holdfast.alipay.client.model.PaymentOption;
import io.holdfast.alipay.client.model.PaymentOptionDetail;
import io.holdfast.ingest.application.PaymentMethodCatalog;
import io.holdfast.ingest.domain.consult.CardOption;
import io.holdfast.ingest.domain.consult.ConsultOutcome;
import io.holdfast.ingest.domain.consult.ConsultQuery;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Antom consult (reference 2), reduced to card options. */
public final class AntomPaymentMethodCatalog implements PaymentMethodCatalog {

    private final AlipayClient client;

    public AntomPaymentMethodCatalog(AlipayClient client) {
        this.client = client;
    }

    @Override
    public Mono<ConsultOutcome> consult(ConsultQuery query) {
        ConsultRequest cashier = ConsultRequest.cashier(
                Amount.ofMinor(query.amount().currency(), query.amount().valueMinor()),
                new Env(query.terminalType().name(), null, null, null, null, null, null, null, null, null, null, null,
                        null, null));
        ConsultRequest request = new ConsultRequest(cashier.productCode(), cashier.paymentAmount(), cashier.env(),
                query.merchantRegion(), null, null, null, null, null, null);
        return client.consult(request).map(AntomPaymentMethodCatalog::outcome);
    }

    private static ConsultOutcome outcome(AlipayOutcome<ConsultResponse> outcome) {
        if (outcome instanceof AlipayOutcome.Succeeded<ConsultResponse> succeeded) {
            List<PaymentOption> options = succeeded.response().paymentOptions();
            return new ConsultOutcome.Options(options == null ? List.of()
                    : options.stream().filter(Objects::nonNull).map(AntomPaymentMethodCatalog::option).toList());
        }
        if (outcome instanceof AlipayOutcome.Failed<ConsultResponse> failed) {
            return new ConsultOutcome.Refused(failed.rawCode(), failed.message());
        }
        if (outcome instanceof AlipayOutcome.InProcess<ConsultResponse>) {
            return new ConsultOutcome.Unavailable("consult answered in process");
        }
        if (outcome instanceof AlipayOutcome.Unknown<ConsultResponse> unknown) {
            return new ConsultOutcome.Unavailable("unknown: " + unknown.reason());
        }
        if (outcome instanceof AlipayOutcome.NotSent<ConsultResponse> notSent) {
            return new ConsultOutcome.Unavailable("not sent: " + notSent.reason());
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    private static CardOption option(PaymentOption option) {
        PaymentOptionDetail detail = option.paymentOptionDetail();
        List<CardOption.Brand> brands = detail == null || detail.supportCardBrands() == null ? List.of()
                : detail.supportCardBrands().stream().filter(Objects::nonNull)
                        .map(b -> new CardOption.Brand(b.cardBrand(), name(b.logo()), url(b.logo()))).toList();
        return new CardOption(option.paymentMethodType(), Boolean.TRUE.equals(option.enabled()),
                Boolean.TRUE.equals(option.enabled()) ? null : option.disableReason(),
                nonNull(option.paymentMethodRegion()), brands,
                detail == null ? List.of() : nonNull(detail.funding()), name(option.logo()), url(option.logo()));
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    private static String name(Logo logo) {
        return logo == null ? null : logo.logoName();
    }

    private static String url(Logo logo) {
        return logo == null ? null : logo.logoUrl();
    }
}
