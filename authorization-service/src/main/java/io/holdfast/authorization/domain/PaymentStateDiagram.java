package io.holdfast.authorization.domain;

/** Renders {@link PaymentTransitions} as a Mermaid state diagram (the committed {@code docs/payment-states.md}). */
public final class PaymentStateDiagram {

    private PaymentStateDiagram() {
    }

    /** The Markdown document: a title, a note that it is generated, and the diagram. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Payment states (authorization-service)\n\n");
        out.append("Generated from `PaymentTransitions` by `PaymentStateDiagramUnitTests`; do not edit by hand.\n");
        out.append("A (state, trigger) pair that is not drawn does not move the payment.\n\n");
        out.append("```mermaid\nstateDiagram-v2\n");
        out.append("    [*] --> ").append(PaymentTransitions.initial()).append(" : AuthorizePayment (write-ahead)\n");
        for (PaymentTransitions.Row row : PaymentTransitions.rows()) {
            out.append("    ").append(row.from()).append(" --> ").append(row.to())
                    .append(" : ").append(row.trigger().label()).append('\n');
        }
        for (PaymentStatus status : PaymentStatus.values()) {
            if (status.isTerminal()) {
                out.append("    ").append(status).append(" --> [*]\n");
            }
        }
        out.append("```\n");
        return out.toString();
    }
}
