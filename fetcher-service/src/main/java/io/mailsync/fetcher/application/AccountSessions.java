package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailCommand;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The sessions of the accounts this fetcher owns. Driven by the accounts topic: a registration opens (or
 * updates) a session, a tombstone closes and forgets it, a revoked partition releases its accounts before
 * another fetcher may open them. Commands go to the owning session (held until its registration is read).
 */
public final class AccountSessions {

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final int MAX_PENDING_ACCOUNTS = 10_000;

    private final Map<String, AccountSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Queue<TracedCommand>> pending = new ConcurrentHashMap<>();
    private final Sessions with;
    private final CursorStore cursors;
    private final MaildropStore drops;

    public AccountSessions(Ports ports, HostBreakers breakers, SecretCipher secrets, Clock clock,
                           SessionSettings settings) {
        SyncContext context = new SyncContext(ports.cursors(), ports.publisher(), ports.contents(), clock,
                settings);
        this.with = new Sessions(context, secrets, new ProtocolLoops(ports.imap(), ports.pop3(), ports.drops(),
                ports.contents(), breakers, context), ports.tracing());
        this.cursors = ports.cursors();
        this.drops = ports.drops();
    }

    /** Opens a session for the account, or hands a changed registration to the one already open. */
    public void watch(AccountSpec spec) {
        sessions.compute(spec.accountId(), (id, session) -> {
            if (session == null) {
                AccountSession started = new AccountSession(spec, with);
                Queue<TracedCommand> held = pending.remove(id);
                if (held != null) {
                    held.forEach(started::enqueue);
                }
                started.start();
                return started;
            }
            session.update(spec);
            return session;
        });
    }

    /** A command for an owned account; held briefly when its registration has not been read yet. */
    public void command(MailCommand command) {
        // here, on the listener's thread, the command's trace is current; the session applies it on its own thread
        TracedCommand traced = new TracedCommand(command, with.tracing().capture(command));
        AccountSession session = sessions.get(command.accountId());
        if (session != null) {
            session.enqueue(traced);
        } else if (pending.size() < MAX_PENDING_ACCOUNTS) {
            pending.computeIfAbsent(command.accountId(), id -> new ConcurrentLinkedQueue<>()).add(traced);
        }
    }

    /** The account was removed: close its session and forget its cursors. */
    public void forget(String accountId) {
        release(List.of(accountId));
        cursors.forget(accountId);
        drops.forget(accountId);
    }

    /** This fetcher no longer owns these accounts: returns once their connections are closed. */
    public void release(Collection<String> accountIds) {
        List<AccountSession> stopping = new ArrayList<>();
        for (String id : accountIds) {
            pending.remove(id);
            AccountSession session = sessions.remove(id);
            if (session != null) {
                stopping.add(session);
            }
        }
        // stop all first, then wait: closing connections in parallel keeps a rebalance short
        List<Thread> waits = stopping.stream().map(s -> Thread.ofVirtual().start(() -> s.stop(STOP_WAIT))).toList();
        for (Thread wait : waits) {
            try {
                wait.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void releaseAll() {
        release(List.copyOf(sessions.keySet()));
        pending.clear();
    }

    public boolean isWatching(String accountId) {
        return sessions.containsKey(accountId);
    }

    /** How many sessions are in each state (metrics). */
    public Map<Status, Long> countByStatus() {
        return sessions.values().stream().filter(s -> s.currentStatus() != null)
                .collect(Collectors.groupingBy(AccountSession::currentStatus, Collectors.counting()));
    }

    public int size() {
        return sessions.size();
    }
}
