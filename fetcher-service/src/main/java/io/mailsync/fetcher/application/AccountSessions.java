package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailCommand;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of the accounts this fetcher owns. Driven by the accounts topic: a registration opens (or
 * updates) a session, a tombstone closes and forgets it, a revoked partition releases its accounts before
 * another fetcher may open them. Commands go to the owning session (held until its registration is read); each is
 * completed — its offset may be committed — only once it took effect on the server or was refused for good.
 */
public final class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Map<AccountId, AccountSession> sessions = new ConcurrentHashMap<>();
    /** Between {@link #suspendAll} and {@link #resumeAll}: new sessions start suspended too. */
    private volatile boolean suspended;
    private final Map<AccountId, Queue<Held>> held = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> firstWatch = new AtomicReference<>();
    private final Sessions with;
    private final CursorStore cursors;
    private final MaildropStore drops;
    private final Clock clock;

    private record Held(PendingCommand command, Instant since) {
    }

    public AccountSessions(Ports ports, HostBreakers breakers, SecretCipher secrets, Clock clock,
                           SessionSettings settings, Lease lease) {
        SyncContext context = new SyncContext(ports.cursors(), ports.publisher(), ports.contents(), clock,
                settings);
        this.with = new Sessions(context, new Logins(secrets, ports.tokens(), ports.refreshTokens(), clock),
                new ProtocolLoops(ports.imap(),
                ports.pop3(), ports.drops(), ports.contents(), breakers, context,
                new BodyFetches(ports.contents(), ports.replies(), clock), ports.slots()),
                new BatchedEpochs(ports.epochs()), lease, ports.tracing(),
                new TakeoverPacing(settings.takeoverLoginsPerSecond()));
        this.cursors = ports.cursors();
        this.drops = ports.drops();
        this.clock = clock;
    }

    /**
     * A registration that arrived while this fetcher owned the account (a new account, or a changed one): its session
     * opens at once, or the open one takes the change. A stagger spreads many accounts arriving together; one new
     * account waiting up to the takeover window for nothing is a delay its user sees.
     */
    public void watch(AccountSpec spec) {
        open(spec, false);
    }

    /**
     * A registration read catching up on an account this fetcher was just given (a restart, or a takeover of another
     * fetcher's accounts: all at once): its session opens at a random point within the start window, or later — a
     * takeover — as soon as the takeover pace allows, so the mail servers are not stormed (issue 15).
     */
    public void takeOver(AccountSpec spec) {
        open(spec, true);
    }

    private void open(AccountSpec spec, boolean spread) {
        sessions.compute(spec.accountId(), (id, session) -> {
            if (session == null) {
                boolean starting = spread && startWindow();
                AccountSession started = new AccountSession(spec, with,
                        starting ? with.context().settings().startStagger() : Duration.ZERO, spread && !starting);
                if (suspended) {
                    // a record read while the lease is unconfirmed (buffered before a pause, say) must not open a
                    // session that takes an epoch from the account's current owner before Kafka has said whether
                    // this fetcher still owns the partition; it waits for resumeAll like the others (issue 15)
                    started.suspend();
                }
                Queue<Held> waiting = held.remove(id);
                if (waiting != null) {
                    waiting.forEach(h -> started.enqueue(h.command()));
                }
                started.start();
                return started;
            }
            session.update(spec);
            return session;
        });
    }

    /**
     * A command for an owned account; held while its registration has not been read yet. {@code done} runs once
     * it took effect on the server or was refused for good — never for a command dropped because the account moved.
     */
    public void command(MailCommand command, Runnable done) {
        // here, on the listener's thread, the command's trace is current; the session applies it on its own thread
        PendingCommand pending = new PendingCommand(command, done, with.tracing().capture(command));
        // under the account's entry, as open() and release() are: a command read as the session opens on the
        // ownership listener's thread is either held before open() takes the held ones, or finds the session
        sessions.compute(command.accountId(), (id, session) -> {
            if (session != null) {
                session.enqueue(pending);
            } else {
                held.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(new Held(pending, clock.instant()));
            }
            return session;
        });
    }

    /**
     * Commands held longer than {@code wait} for a registration that never came (the account was removed): refused
     * for good. The accounts partition is read from its beginning on assignment, so a live account shows up fast.
     */
    public int refuseHeldLongerThan(Duration wait) {
        Instant limit = clock.instant().minus(wait);
        int refused = 0;
        for (AccountId account : List.copyOf(held.keySet())) {
            List<Held> orphans = new ArrayList<>();
            // under the account's entry, as command() adds to the queue: none added to a queue already taken out
            sessions.compute(account, (id, session) -> {
                Queue<Held> waiting = held.get(id);
                Held oldest = waiting == null ? null : waiting.peek();
                if (session != null && waiting != null) {
                    held.remove(id).forEach(h -> session.enqueue(h.command())); // its session opened: it applies them
                } else if (oldest != null && oldest.since().isBefore(limit)) {
                    held.remove(id);
                    orphans.addAll(waiting);
                }
                return session;
            });
            if (!orphans.isEmpty()) {
                log.warn("account {}: no registration after {}, {} commands refused", account, wait, orphans.size());
                orphans.forEach(h -> h.command().complete());
                refused += orphans.size();
            }
        }
        return refused;
    }

    /** The account was removed: close its session, forget its cursors; its commands are refused for good. */
    public void forget(AccountId accountId) {
        List<PendingCommand> unapplied = release(List.of(accountId));
        cursors.forget(accountId);
        drops.forget(accountId);
        with.logins().forget(accountId); // issue 22: its access token is not kept
        unapplied.forEach(PendingCommand::complete);
    }

    /**
     * This fetcher no longer owns these accounts: returns once their connections are closed, with the commands they
     * had not applied — not completed, so they are delivered again to the next owner.
     */
    public List<PendingCommand> release(Collection<AccountId> accountIds) {
        List<AccountSession> stopping = new ArrayList<>();
        List<PendingCommand> unapplied = new ArrayList<>();
        for (AccountId id : accountIds) {
            sessions.compute(id, (k, session) -> {
                Queue<Held> waiting = held.remove(k);
                if (waiting != null) {
                    waiting.forEach(h -> unapplied.add(h.command()));
                }
                if (session != null) {
                    stopping.add(session);
                }
                return null;
            });
        }
        // stop all first, then wait: closing connections in parallel keeps a rebalance short
        List<Thread> waits = stopping.stream().map(s -> Thread.ofVirtual().start(() -> s.stop(STOP_WAIT))).toList();
        for (Thread wait : waits) {
            try {
                wait.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopping.forEach(s -> unapplied.addAll(s.drainCommands()));
        return unapplied;
    }

    public void releaseAll() {
        release(List.copyOf(sessions.keySet()));
        held.clear();
    }

    /** This fetcher's Kafka lease lapsed: every session closes its connection now and waits (issue 15). */
    public void suspendAll() {
        suspended = true;
        sessions.values().forEach(AccountSession::suspend);
    }

    /** The lease holds again: sessions go on where their epoch is still the newest, and stop where it is not. */
    public void resumeAll() {
        suspended = false;
        sessions.values().forEach(AccountSession::resume);
    }

    public boolean isWatching(AccountId accountId) {
        return sessions.containsKey(accountId);
    }

    /** The epoch the account's session holds (null: none yet, or no session). */
    public Long ownerEpoch(AccountId accountId) {
        AccountSession session = sessions.get(accountId);
        return session == null ? null : session.epoch();
    }

    /** How many sessions are in each state (metrics). */
    public Map<Status, Long> countByStatus() {
        return sessions.values().stream().filter(s -> s.currentStatus() != null)
                .collect(Collectors.groupingBy(AccountSession::currentStatus, Collectors.counting()));
    }

    public int size() {
        return sessions.size();
    }

    /** Commands read for accounts whose registration has not been read (yet): none for long, but a removed one's. */
    public int heldCommands() {
        return held.values().stream().mapToInt(Queue::size).sum();
    }

    /**
     * Whether this fetcher is still in its start window (counted from the first account it opened): a restart's
     * sessions spread over the window; a later takeover's are paced ({@link TakeoverPacing}).
     */
    private boolean startWindow() {
        Instant now = clock.instant();
        Instant first = firstWatch.updateAndGet(f -> f == null ? now : f);
        return now.isBefore(first.plus(with.context().settings().startStagger()));
    }
}
