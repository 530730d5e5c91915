package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.command.MerchantCommand;
import java.util.concurrent.CompletableFuture;

/** Port: publishes a command on {@code payments.commands}, completing when the broker confirmed it (acks=all). */
public interface CommandPublisher {

    CompletableFuture<Void> publish(MerchantCommand command);
}
