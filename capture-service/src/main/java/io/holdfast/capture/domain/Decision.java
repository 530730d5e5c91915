package io.holdfast.capture.domain;

/**
 * A transition to persist (with its events, in one transaction) and what to do after the commit.
 *
 * @param transition the new row and events
 * @param then the step after the commit
 */
public record Decision(Transition transition, NextStep then) {

    /** Persist, then nothing. */
    public static Decision persist(Transition transition) {
        return new Decision(transition, NextStep.NONE);
    }
}
