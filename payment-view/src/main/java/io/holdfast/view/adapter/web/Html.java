package io.holdfast.view.adapter.web;

import io.holdfast.view.domain.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.springframework.web.util.HtmlUtils;

/** Small helpers for the console's server-rendered pages: escaping, money, the layout. */
final class Html {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#1d2733}"
            + "header{background:#14324a;color:#fff;padding:.6em 1em;display:flex;gap:1.5em;align-items:center}"
            + "header a{color:#fff}main{padding:1em}table{border-collapse:collapse;margin:.5em 0}"
            + "td,th{border:1px solid #ccd;padding:.3em .6em;text-align:left;vertical-align:top}"
            + "th{background:#eef2f6}.urgent{color:#b00020;font-weight:bold}.muted{color:#667}"
            + "pre{margin:0;white-space:pre-wrap;max-width:60em;font-size:.85em}"
            + ".action{display:inline-block;margin-right:1em;padding:.4em .8em;background:#14324a;color:#fff;"
            + "text-decoration:none;border-radius:4px}.flash{background:#e7f5e9;padding:.5em;border:1px solid #9c9}"
            + "form.inline{display:inline}";

    private Html() {
    }

    static String e(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
    }

    static String money(Money m) {
        if (m == null) {
            return "";
        }
        return amount(m.valueMinor(), m.currency()) + " " + e(m.currency());
    }

    static String amount(long minor, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown code: two decimals
        }
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** A whole page: header with navigation, search box, the operator's name and role, logout (with CSRF). */
    static String page(String title, Viewer viewer, String csrfField, long serverNowMillis, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + e(title)
                + " · Holdfast console</title><style>" + STYLE + "</style></head>"
                + "<body data-server-now=\"" + serverNowMillis + "\"><header><strong>Holdfast console</strong>"
                + "<a href=\"/console\" id=\"nav-board\">Deadline board</a>"
                + "<form class=\"inline\" action=\"/console/search\" method=\"get\"><input name=\"q\" "
                + "placeholder=\"paymentRequestId, paymentId or merchant\" size=\"36\"> <select name=\"status\">"
                + "<option value=\"\">any status</option>" + ConsolePages.statusOptions(null) + "</select> "
                + "<button>Search</button></form><span id=\"who\">" + e(viewer.name()) + " (" + e(viewer.role())
                + ")</span><form class=\"inline\" action=\"/logout\" method=\"post\">" + csrfField
                + "<button>Log out</button></form></header><main><h1>" + e(title) + "</h1>" + body
                + "</main></body></html>";
    }

    /** Who is looking, and whether they may act. */
    record Viewer(String name, String role, boolean operator) {
    }
}
