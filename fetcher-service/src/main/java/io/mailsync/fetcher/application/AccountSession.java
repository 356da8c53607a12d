package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.Origin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's session on a virtual thread: connect, announce what is new, IDLE (or poll), repeat; on failure
 * reconnect with back-off, slowly after an authentication failure. Stopping closes the connection from outside,
 * which aborts a blocking IDLE.
 */
final class AccountSession {

    private static final Logger log = LoggerFactory.getLogger(AccountSession.class);
    private static final String INBOX = "INBOX";
    private static final Duration CLEAN_CLOSE = Duration.ofSeconds(2);

    private final AtomicReference<AccountSpec> spec;
    private final Collaborators with;
    private final Origin origin;
    private final StatusReporter status;
    private final Backoff backoff;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopped;
    private volatile boolean restart;
    private volatile MailboxConnection connection;
    private Thread thread;

    /** What every session shares. */
    record Collaborators(MailServer server, SecretCipher secrets, FolderSynchronizer synchronizer,
                         io.mailsync.fetcher.application.port.out.MailEventPublisher publisher, Clock clock,
                         SessionSettings settings) {
    }

    AccountSession(AccountSpec spec, Collaborators with) {
        this.spec = new AtomicReference<>(spec);
        this.with = with;
        this.origin = Origin.session(with.settings().instanceId() + "/" + spec.accountId());
        this.status = new StatusReporter(spec.accountId(), origin, with.publisher(), with.clock());
        this.backoff = new Backoff(with.settings().backoffStart(), with.settings().backoffMax());
    }

    String accountId() {
        return spec.get().accountId();
    }

    Status status() {
        return status.current();
    }

    void start() {
        thread = Thread.ofVirtual().name("session-" + accountId()).start(this::run);
    }

    /** A new registration: reconnect with it unless nothing that matters changed. */
    void update(AccountSpec next) {
        AccountSpec previous = spec.getAndSet(next);
        if (sameConnection(previous, next)) {
            return;
        }
        restart = true;
        wake.release();
        closeConnection();
    }

    /** Stops the session and waits (bounded) until its connection is closed. */
    void stop(Duration wait) {
        stopped = true;
        wake.release();
        try {
            // a clean LOGOUT first; a server that does not answer is cut off by interrupting the session thread
            Thread closer = Thread.ofVirtual().start(this::closeConnection);
            if (!closer.join(CLEAN_CLOSE)) {
                log.info("account {}: server slow to close, cutting the connection", accountId());
            }
            if (thread == null) {
                return;
            }
            thread.interrupt();
            if (!thread.join(wait)) {
                log.warn("account {}: session did not stop within {}", accountId(), wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        pause(randomUpTo(with.settings().startStagger()));
        while (!stopped) {
            Instant connectedAt = null;
            try {
                restart = false;
                AccountSpec account = spec.get();
                status.report(Status.CONNECTING, null);
                String password = with.secrets().decrypt(account.accountId(), account.encryptedSecret());
                try (MailboxConnection c = with.server().connect(new MailLogin(account, password))) {
                    connection = c;
                    if (stopped || restart) {
                        continue;
                    }
                    connectedAt = with.clock().instant();
                    status.report(Status.CONNECTED, null);
                    watch(account, c);
                }
            } catch (MailServerException.AuthenticationFailed e) {
                failed(Status.AUTH_FAILED, e, with.settings().authRetry());
            } catch (SecretCipher.UndecryptableSecretException e) {
                failed(Status.ERROR, e, with.settings().authRetry());
            } catch (MailServerException.Unsupported e) {
                failed(Status.ERROR, e, with.settings().authRetry());
            } catch (MailServerException.Unreachable e) {
                resetBackoffIfStable(connectedAt);
                failed(Status.UNREACHABLE, e, backoff.next());
            } catch (RuntimeException e) {
                resetBackoffIfStable(connectedAt);
                if (!stopped && !restart) {
                    log.warn("account {}: session failed", accountId(), e);
                }
                failed(Status.ERROR, e, backoff.next());
            } finally {
                connection = null;
            }
        }
        Thread.interrupted(); // the stop's interrupt has done its work; the last status must still go out
        status.report(Status.STOPPED, null);
    }

    private void watch(AccountSpec account, MailboxConnection c) {
        RemoteFolder inbox = c.open(INBOX);
        boolean push = c.supportsPush();
        Duration wait = push ? with.settings().idleRenewal() : account.pollInterval();
        while (!stopped && !restart) {
            int count;
            do {
                count = inbox.messageCount();
                with.synchronizer().synchronize(account.accountId(), origin, inbox);
            } while (inbox.messageCount() != count && !stopped);
            status.report(push ? Status.IDLE : Status.POLLING, null);
            inbox.awaitChange(wait);
        }
    }

    private void failed(Status failure, RuntimeException e, Duration retryIn) {
        if (stopped || restart) {
            return;
        }
        status.report(failure, e.getMessage());
        pause(retryIn);
    }

    private void resetBackoffIfStable(Instant connectedAt) {
        if (connectedAt != null
                && Duration.between(connectedAt, with.clock().instant()).compareTo(with.settings().stableAfter()) >= 0) {
            backoff.reset();
        }
    }

    /** Waits, woken early by a new registration or a stop. */
    private void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            wake.drainPermits();
            if (!stopped && !restart) {
                wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private void closeConnection() {
        MailboxConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private static Duration randomUpTo(Duration window) {
        long millis = window.toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(millis));
    }

    private static boolean sameConnection(AccountSpec a, AccountSpec b) {
        return withoutTimestamp(a).equals(withoutTimestamp(b));
    }

    private static AccountSpec withoutTimestamp(AccountSpec s) {
        return new AccountSpec(s.accountId(), s.customerId(), s.protocol(), s.host(), s.port(), s.security(),
                s.trustAnyCertificate(), s.username(), s.encryptedSecret(), s.folders(), s.pollInterval(),
                s.retention(), s.storeBodies(), s.quotaLimitBytes(), s.quotaLimitMessages(), s.contactAddress(), null);
    }
}
