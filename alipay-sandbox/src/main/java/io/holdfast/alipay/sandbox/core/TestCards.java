package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.CardProfile.CardBehaviour;
import java.util.Map;

/** Antom's documented sandbox test cards (reference section 11) plus the sandbox's own 3DS trigger card. */
public final class TestCards {

    /** A card that always starts a 3DS challenge (sandbox addition, not an Antom card). */
    public static final String THREE_DS_CHALLENGE_CARD = "4000000000003220";

    private static final Map<String, CardProfile> KNOWN = Map.ofEntries(
            Map.entry("9490220011669217", new CardProfile("HYUNDAI", "CREDIT", "KR", CardBehaviour.APPROVE)),
            Map.entry("4294097400915107", new CardProfile("VISA", "CREDIT", "BR", CardBehaviour.APPROVE)),
            Map.entry("4006055482525268", new CardProfile("VISA", "CREDIT", "MX", CardBehaviour.APPROVE)),
            Map.entry("4600729331819383", new CardProfile("VISA", "CREDIT", "CL", CardBehaviour.APPROVE)),
            Map.entry("4310377720003234", new CardProfile("VISA", "CREDIT", "PE", CardBehaviour.APPROVE)),
            Map.entry("4054695723100768", new CardProfile("VISA", "CREDIT", "US", CardBehaviour.APPROVE)),
            Map.entry("5162774114974622", new CardProfile("MASTERCARD", "CREDIT", "US", CardBehaviour.APPROVE)),
            Map.entry("4054692760174822", new CardProfile("VISA", "CREDIT", "US", CardBehaviour.DECLINE)),
            Map.entry("5162770472561357", new CardProfile("MASTERCARD", "CREDIT", "US", CardBehaviour.DECLINE)),
            Map.entry("4035501000000008", new CardProfile("VISA", "CREDIT", "GB", CardBehaviour.THREE_DS_EXEMPT)),
            Map.entry(THREE_DS_CHALLENGE_CARD, new CardProfile("VISA", "CREDIT", "US", CardBehaviour.THREE_DS_CHALLENGE)));

    private TestCards() {
    }

    /** The profile of a known test card, or a generic approving profile derived from the card number. */
    public static CardProfile profile(String number) {
        CardProfile known = KNOWN.get(number);
        if (known != null) {
            return known;
        }
        return new CardProfile(brandOf(number), "CREDIT", "US", CardBehaviour.APPROVE);
    }

    static String brandOf(String number) {
        if (number.startsWith("4")) {
            return "VISA";
        }
        if (number.startsWith("34") || number.startsWith("37")) {
            return "AMEX";
        }
        if (number.startsWith("35")) {
            return "JCB";
        }
        if (number.startsWith("62")) {
            return "CUP";
        }
        if (number.startsWith("5") || number.startsWith("2")) {
            return "MASTERCARD";
        }
        return "UNKNOWN";
    }

    /** The Luhn (mod 10) check every real card number passes. */
    public static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
