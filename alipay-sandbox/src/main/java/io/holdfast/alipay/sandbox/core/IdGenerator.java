package io.holdfast.alipay.sandbox.core;

/** Source of Antom-side identifiers, injected so tests can make them deterministic. */
@FunctionalInterface
public interface IdGenerator {

    String next(IdKind kind);
}
