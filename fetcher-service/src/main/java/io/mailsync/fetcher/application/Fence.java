package io.mailsync.fetcher.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import io.mailsync.fetcher.domain.FolderCursor;
import io.mailsync.fetcher.domain.UidlRecord;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One session's claim on its account (issue 15, ADR 0007): the owner epoch it took and this fetcher's Kafka lease.
 * Every event the session publishes carries the epoch; every cursor write first checks that the lease holds and the
 * epoch is still the newest ({@link OwnershipLost} otherwise), so a stale owner's writes are refused. Reads are free.
 */
final class Fence {

    private final AccountId accountId;
    private final OwnerEpochs epochs;
    private final Lease lease;
    private volatile Long epoch;

    Fence(AccountId accountId, OwnerEpochs epochs, Lease lease) {
        this.accountId = accountId;
        this.epochs = epochs;
        this.lease = lease;
    }

    /** Takes the account's next epoch: done once, when the session opens an account newly assigned to it. */
    long take(String owner) {
        long taken = epochs.take(accountId, owner);
        epoch = taken;
        return taken;
    }

    Long epoch() {
        return epoch;
    }

    /**
     * Before a connection: the first takes the account's next epoch; later ones (a reconnect, a resume after the
     * lease lapsed) check it is still the newest, so a session whose account another fetcher took never reconnects.
     * Answers the epoch newly taken, or null.
     */
    Long claim(String owner) {
        if (epoch == null) {
            return take(owner);
        }
        checkOwner();
        return null;
    }

    /** Cheap and local: the Kafka lease. Checked before anything is sent to the server or the broker. */
    void checkLease() {
        if (!lease.valid()) {
            throw new OwnershipLost("account " + accountId + ": this fetcher's Kafka lease lapsed", false);
        }
    }

    /** The lease and, in the shared store, the epoch: before every cursor write. */
    void checkOwner() {
        checkLease();
        Long mine = epoch;
        if (mine == null || !epochs.holds(accountId, mine)) {
            throw new OwnershipLost("account " + accountId + ": owner epoch " + mine + " is no longer the newest", true);
        }
    }

    MailEvent stamp(MailEvent event) {
        Long mine = epoch;
        return mine == null ? event : event.withOwnerEpoch(mine);
    }

    /** Stamps every event; with {@code leased}, refuses to publish once the lease lapsed. */
    MailEventPublisher guard(MailEventPublisher publisher, boolean leased) {
        return events -> {
            if (leased) {
                checkLease();
            }
            return publisher.send(events.stream().map(this::stamp).toList());
        };
    }

    CursorStore guard(CursorStore store) {
        return new CursorStore() {
            @Override
            public Optional<FolderCursor> load(AccountId account, String folder) {
                return store.load(account, folder);
            }

            @Override
            public void save(AccountId account, FolderCursor cursor) {
                checkOwner();
                store.save(account, cursor);
            }

            @Override
            public Map<Uid, Set<Keyword>> loadIndex(AccountId account, String folder, UidValidity uidValidity) {
                return store.loadIndex(account, folder, uidValidity);
            }

            @Override
            public void updateIndex(AccountId account, String folder, UidValidity uidValidity,
                                    Map<Uid, Set<Keyword>> put, Collection<Uid> removed) {
                checkOwner();
                store.updateIndex(account, folder, uidValidity, put, removed);
            }

            @Override
            public void clearIndex(AccountId account, String folder, UidValidity uidValidity) {
                checkOwner();
                store.clearIndex(account, folder, uidValidity);
            }

            @Override
            public Set<UidValidity> staleValidities(AccountId account, String folder, UidValidity current) {
                return store.staleValidities(account, folder, current);
            }

            @Override
            public void forget(AccountId account) {
                store.forget(account);
            }
        };
    }

    MaildropStore guard(MaildropStore store) {
        return new MaildropStore() {
            @Override
            public Map<String, UidlRecord> load(AccountId account) {
                return store.load(account);
            }

            @Override
            public void add(AccountId account, Collection<UidlRecord> announced) {
                checkOwner();
                store.add(account, announced);
            }

            @Override
            public void markStoredDownstream(AccountId account, String uidl) {
                checkOwner();
                store.markStoredDownstream(account, uidl);
            }

            @Override
            public void remove(AccountId account, Collection<String> uidls) {
                checkOwner();
                store.remove(account, uidls);
            }

            @Override
            public void forget(AccountId account) {
                store.forget(account);
            }
        };
    }
}
