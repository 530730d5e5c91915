package io.holdfast.alipay.client.model;

/**
 * Where Antom asks to send the buyer when a call is in process (3DS challenge, vaulting verification). Any of the
 * fields may be null; {@link #isEmpty()} when Antom returned none.
 *
 * @param actionFormUrl {@code redirectActionForm.redirectUrl}
 */
public record RedirectUrls(String normalUrl, String schemeUrl, String applinkUrl, String actionFormUrl) {

    public static final RedirectUrls NONE = new RedirectUrls(null, null, null, null);

    public static RedirectUrls of(String normalUrl, String schemeUrl, String applinkUrl, RedirectActionForm form) {
        return new RedirectUrls(blankToNull(normalUrl), blankToNull(schemeUrl), blankToNull(applinkUrl),
                form == null ? null : blankToNull(form.redirectUrl()));
    }

    public boolean isEmpty() {
        return normalUrl == null && schemeUrl == null && applinkUrl == null && actionFormUrl == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
