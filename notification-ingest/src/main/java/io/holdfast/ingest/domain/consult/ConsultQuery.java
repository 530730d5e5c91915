package io.holdfast.ingest.domain.consult;

import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.command.CommandPayload.TerminalType;

/** The inputs of a consult; equal queries share a cached answer. */
public record ConsultQuery(Money amount, TerminalType terminalType, String merchantRegion) {
}
