package io.holdfast.alipay.sandbox.core;

/**
 * What the sandbox knows about a card number: scheme data it reports back and how an authorization ends.
 *
 * @param brand {@code VISA}, {@code MASTERCARD}, ...
 * @param funding {@code CREDIT} or {@code DEBIT}
 * @param issuingCountry ISO alpha-2
 * @param behaviour how an authorization with this card ends
 */
public record CardProfile(String brand, String funding, String issuingCountry, CardBehaviour behaviour) {

    /** How a card behaves in an authorization. */
    public enum CardBehaviour {
        /** Approved; 3DS only when the request asks for it. */
        APPROVE,
        /** Declined with DO_NOT_HONOR (Antom's failing test cards). */
        DECLINE,
        /** 3DS is exempted: approved without a challenge even when 3DS is requested. */
        THREE_DS_EXEMPT,
        /** Always challenged with 3DS (sandbox trigger card). */
        THREE_DS_CHALLENGE
    }
}
