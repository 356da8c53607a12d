package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailCommand;
import io.mailsync.events.Origin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.port.out.MailServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One account's session on a virtual thread: runs the protocol loop, and on failure reconnects with jittered
 * back-off — slowly after an authentication failure, never in a login loop. Stopping closes the connection from
 * outside, which ends a blocking IDLE.
 */
final class AccountSession implements SessionControl {

    private static final Logger log = LoggerFactory.getLogger(AccountSession.class);
    private static final Duration CLEAN_CLOSE = Duration.ofSeconds(2);

    private final AtomicReference<AccountSpec> spec;
    private final Sessions with;
    private final Origin origin;
    private final StatusReporter status;
    private final Backoff backoff;
    private final Semaphore wake = new Semaphore(0);
    private final CommandQueue commands = new CommandQueue();
    private volatile boolean stopped;
    private volatile boolean restart;
    private volatile AutoCloseable connection;
    private volatile Runnable commandWakeUp;
    private volatile Instant connectedAt;
    private Thread thread;

    AccountSession(AccountSpec spec, Sessions with) {
        this.spec = new AtomicReference<>(spec);
        this.with = with;
        this.origin = Origin.session(with.context().settings().instanceId() + "/" + spec.accountId());
        this.status = new StatusReporter(spec.accountId(), origin, with.context().publisher(), with.context().clock());
        this.backoff = new Backoff(with.context().settings().backoffStart(), with.context().settings().backoffMax());
    }

    String accountId() {
        return spec.get().accountId();
    }

    Status currentStatus() {
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

    void enqueue(TracedCommand command) {
        if (!commands.offer(command)) {
            log.warn("account {}: command queue full, dropping {}", accountId(), command.command().commandId());
            return;
        }
        Runnable wakeUp = commandWakeUp;
        if (wakeUp != null) {
            Thread.ofVirtual().start(wakeUp);
        }
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
            if (!thread.join(CLEAN_CLOSE)) {
                thread.interrupt(); // still blocked (a server that never answers): cut it off
            }
            if (!thread.join(wait)) {
                log.warn("account {}: session did not stop within {}", accountId(), wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        // every line this session logs carries the account as a field of its own in structured (JSON) logs
        MDC.put("accountId", accountId());
        pause(randomUpTo(with.context().settings().startStagger()));
        while (!stopped) {
            connectedAt = null;
            try {
                restart = false;
                AccountSpec account = spec.get();
                status.report(Status.CONNECTING, null);
                String password = with.secrets().decrypt(account.accountId(), account.encryptedSecret());
                try {
                    with.loops().run(account, password, origin, this);
                } finally {
                    commands.endApplying(); // a loop that failed mid-command leaves no span open on this thread
                }
            } catch (MailServerException.AuthenticationFailed e) {
                failed(Status.AUTH_FAILED, e, with.context().settings().authRetry());
            } catch (SecretCipher.UndecryptableSecretException | MailServerException.Unsupported e) {
                failed(Status.ERROR, e, with.context().settings().authRetry());
            } catch (MailServerException.Unreachable e) {
                resetBackoffIfStable();
                failed(Status.UNREACHABLE, e, backoff.next());
            } catch (RuntimeException e) {
                resetBackoffIfStable();
                if (!stopped && !restart) {
                    log.warn("account {}: session failed", accountId(), e);
                }
                failed(Status.ERROR, e, backoff.next());
            }
        }
        Thread.interrupted(); // the stop's interrupt has done its work; the last status must still go out
        status.report(Status.STOPPED, null);
    }

    @Override
    public boolean running() {
        return !stopped && !restart;
    }

    @Override
    public void holding(AutoCloseable held) {
        connection = held;
        if (held != null && stopped) {
            closeConnection();
        }
    }

    @Override
    public void connected() {
        connectedAt = with.context().clock().instant();
    }

    @Override
    public void status(Status next) {
        status.report(next, null);
    }

    @Override
    public MailCommand nextCommand() {
        return commands.next();
    }

    @Override
    public void retryFirst(MailCommand command) {
        commands.retryFirst(command);
    }

    @Override
    public void onCommand(Runnable wakeUp) {
        commandWakeUp = wakeUp;
    }

    private void failed(Status failure, RuntimeException e, Duration retryIn) {
        if (stopped || restart) {
            return;
        }
        status.report(failure, e.getMessage());
        pause(retryIn);
    }

    private void resetBackoffIfStable() {
        Instant since = connectedAt;
        if (since != null && Duration.between(since, with.context().clock().instant())
                .compareTo(with.context().settings().stableAfter()) >= 0) {
            backoff.reset();
        }
    }

    /** Waits, woken early by a new registration or a stop. */
    @Override
    public void pause(Duration duration) {
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
        AutoCloseable c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("account {}: close failed: {}", accountId(), e.toString());
            }
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
