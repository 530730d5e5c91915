package io.holdfast.alipay.sandbox.fault;

import io.holdfast.alipay.sandbox.core.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The active faults. Each API call draws at most one: the first matching fault, in the order they were added. */
public final class FaultPlan {

    private final RandomGenerator random;
    private final List<Active> active = new ArrayList<>();
    private long nextId = 1;

    public FaultPlan(RandomGenerator random) {
        this.random = random;
    }

    /** An injected fault and how many calls it still applies to (null remaining: rate-based). */
    public record Active(long id, FaultSpec spec, Integer remaining) {
    }

    public synchronized long add(FaultSpec spec) {
        long id = nextId++;
        active.add(new Active(id, spec, spec.count()));
        return id;
    }

    public synchronized void clear() {
        active.clear();
    }

    public synchronized boolean remove(long id) {
        return active.removeIf(fault -> fault.id() == id);
    }

    public synchronized List<Active> active() {
        return List.copyOf(active);
    }

    /** The fault this call of {@code api} suffers, if any; count-based faults are used up. */
    public synchronized Optional<FaultSpec> draw(Api api) {
        for (int i = 0; i < active.size(); i++) {
            Active fault = active.get(i);
            FaultSpec spec = fault.spec();
            if (spec.api() != null && spec.api() != api) {
                continue;
            }
            if (fault.remaining() != null) {
                if (fault.remaining() > 1) {
                    active.set(i, new Active(fault.id(), spec, fault.remaining() - 1));
                } else {
                    active.remove(i);
                }
                return Optional.of(spec);
            }
            if (random.nextDouble() < spec.rate()) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }
}
