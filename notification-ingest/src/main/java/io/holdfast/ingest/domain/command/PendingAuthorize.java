package io.holdfast.ingest.domain.command;

import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.command.CommandPayload.Authorize;
import io.holdfast.ingest.domain.command.CommandPayload.BuyerEnv;
import io.holdfast.ingest.domain.command.CommandPayload.CaptureMode;
import io.holdfast.ingest.domain.command.CommandPayload.DeadlinePolicy;
import io.holdfast.ingest.domain.command.CommandPayload.OrderInfo;

/**
 * A validated authorize request whose card may still be raw: {@link #withToken} turns it into the publishable
 * {@link Authorize} once the card is a {@link CardInput.StoredCard}.
 */
public record PendingAuthorize(Money amount, CaptureMode captureMode, CardInput card, OrderInfo order, BuyerEnv env,
        String paymentRedirectUrl, String settlementCurrency, String merchantRegion, DeadlinePolicy deadlinePolicy) implements CommandRequest {

    @Override
    public CommandType type() {
        return CommandType.AUTHORIZE;
    }

    public Authorize withToken(CardInput.StoredCard storedCard) {
        return new Authorize(amount, captureMode, storedCard, order, env, paymentRedirectUrl, settlementCurrency,
                merchantRegion, deadlinePolicy);
    }
}
