package io.holdfast.alipay.client.model;

/** The buyer as the merchant knows them; {@code buyerRegistrationTime} is ISO-8601. */
public record Buyer(String referenceBuyerId, UserName buyerName, String buyerPhoneNo, String buyerEmail,
        String buyerRegistrationTime) {

    public static Buyer of(String referenceBuyerId) {
        return new Buyer(referenceBuyerId, null, null, null, null);
    }
}
