package io.holdfast.view.application;

import reactor.core.publisher.Mono;

/** Publishes an operator's action as a command on payments.commands (with its operatorId). */
public interface CommandPublisher {

    Mono<Void> publish(ConsoleAction action);
}
