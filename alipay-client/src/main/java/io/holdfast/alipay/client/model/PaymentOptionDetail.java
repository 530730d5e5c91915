package io.holdfast.alipay.client.model;

import java.util.List;

/** Card details of a {@link PaymentOption}: supported brands and funding types (CREDIT, DEBIT, ...). */
public record PaymentOptionDetail(List<SupportCardBrand> supportCardBrands, List<String> funding) {
}
