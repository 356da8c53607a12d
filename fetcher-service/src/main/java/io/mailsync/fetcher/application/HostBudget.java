package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.HostSlots;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mail host's connection budget across the fetcher group (issue 22: ISPs cap logins per source address). At most
 * {@code size} of its mailboxes are connected at once, whichever fetchers own them: each connection holds one of the
 * host's shared {@link HostSlots}. Slots 0..size-2 are IDLE places, kept while the connection lasts; the last is
 * always left for the rest, which poll: connect, sync, log out, wait their poll interval. Within this fetcher,
 * sessions queue fairly (first come, first served) and at most {@code size} of them look for a shared slot at once;
 * across fetchers the handover of {@link HostSlots.Terms} keeps one fetcher from keeping a freed slot to itself.
 * A slot counts every connection the mailbox holds: on a budgeted host the IMAP adapter does other folders' work on
 * the main connection (ADR 0017, amendment), never on a second one.
 */
final class HostBudget {

    /** No budget: every mailbox connects when it likes and IDLEs. */
    static final HostBudget UNLIMITED = new HostBudget(null, 0, null, 0);

    private static final Logger log = LoggerFactory.getLogger(HostBudget.class);

    private final String hostId;
    private final int size;
    private final HostSlots slots;
    private final long retryMillis;
    private final Semaphore local;

    /** {@code retryMillis}: how often a waiting session looks for a shared slot (below the handover). */
    HostBudget(String hostId, int size, HostSlots slots, long retryMillis) {
        this.hostId = hostId;
        this.size = size;
        this.slots = slots;
        this.retryMillis = Math.max(retryMillis, 10);
        this.local = size == 0 ? null : new Semaphore(size, true);
    }

    int size() {
        return size;
    }

    /**
     * Waits for a connection of the budget while the session runs; null once it stops waiting (stopped, or a new
     * registration), so a stop is never held up by a full budget.
     */
    Slot connection(SessionControl control) {
        if (size == 0) {
            return new Slot();
        }
        try {
            while (control.running()) {
                if (local.tryAcquire(1, TimeUnit.SECONDS)) {
                    Slot slot = shared(control);
                    if (slot == null) {
                        local.release();
                    }
                    return slot;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Slot shared(SessionControl control) throws InterruptedException {
        while (control.running()) {
            Slot slot = new Slot();
            try {
                Optional<HostSlots.Held> held = slots.take(hostId, size, slot::lost);
                if (held.isPresent()) {
                    slot.held = held.get();
                    return slot;
                }
            } catch (RuntimeException e) {
                // the database is out (readiness says so): every waiting session would say it 4 times a second
                log.debug("host {}: no connection slot to be had ({}); trying again", hostId, e.toString());
            }
            Thread.sleep(retryMillis / 2 + ThreadLocalRandom.current().nextLong(retryMillis / 2 + 1));
        }
        return null;
    }

    /** One connection of the budget; closing it gives it (and its IDLE place, if it had one) back. */
    final class Slot implements AutoCloseable {
        private HostSlots.Held held;
        private volatile boolean lost;
        private volatile Runnable cut;

        /** Whether this connection may stay open to IDLE: it holds one of the host's IDLE places, still. */
        boolean mayIdle() {
            return held == null || (!lost && held.index() < size - 1);
        }

        /** How the connection is cut should the slot be lost (at once, if it already is). */
        void cutBy(Runnable cutter) {
            cut = cutter;
            if (lost && cutter != null) {
                cutter.run();
            }
        }

        private void lost() {
            lost = true;
            Runnable c = cut;
            if (c != null) {
                c.run();
            }
        }

        @Override
        public void close() {
            if (held != null) {
                held.close();
                held = null;
                local.release();
            }
        }
    }
}
