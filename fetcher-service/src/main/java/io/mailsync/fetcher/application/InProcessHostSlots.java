package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.HostSlots;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A single fetcher's slots, in memory: what {@link Ports} uses when no shared store is given (tests of one fetcher). */
final class InProcessHostSlots implements HostSlots {

    private final Map<String, BitSet> taken = new HashMap<>();

    @Override
    public synchronized Optional<Held> take(String hostId, int size, Runnable lost) {
        BitSet slots = taken.computeIfAbsent(hostId, h -> new BitSet());
        int index = slots.nextClearBit(0);
        if (index >= size) {
            return Optional.empty();
        }
        slots.set(index);
        return Optional.of(new Held() {
            @Override
            public int index() {
                return index;
            }

            @Override
            public void close() {
                synchronized (InProcessHostSlots.this) {
                    slots.clear(index);
                }
            }
        });
    }
}
