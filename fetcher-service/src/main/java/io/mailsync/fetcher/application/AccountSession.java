package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.Origin;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MailServerException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One account's session on a virtual thread: runs the protocol loop, and on failure reconnects with jittered back-off —
 * slowly after an authentication failure, never in a login loop. Stopping closes the connection from outside, which
 * ends a blocking IDLE. Before its first connection it takes the account's owner epoch (issue 15): a session that finds
 * a newer epoch taken stops for good; one whose fetcher lost its Kafka lease is suspended — connection closed, commands
 * kept — until the lease is renewed and its epoch still holds.
 */
final class AccountSession implements SessionControl {

    private static final Logger log = LoggerFactory.getLogger(AccountSession.class);

    private final AtomicReference<AccountSpec> spec;
    private final Sessions with;
    private final AccountId id;
    private final Origin origin;
    private final Fence fence;
    private final StatusReporter status;
    private final Backoff backoff;
    private final Duration stagger;
    private final boolean paced;
    private final Semaphore wake = new Semaphore(0);
    private final CommandQueue commands = new CommandQueue();
    private volatile boolean stopped;
    private volatile boolean restart;
    private volatile boolean suspended;
    private final HeldConnection connection;
    private final SessionThread thread;

    /** {@code stagger}: a random wait before the first try (a restart); {@code paced}: the takeover pace first. */
    AccountSession(AccountSpec spec, Sessions with, Duration stagger, boolean paced) {
        this.spec = new AtomicReference<>(spec);
        this.with = with;
        this.stagger = stagger;
        this.paced = paced;
        this.origin = Origin.session(with.context().settings().instanceId() + "/" + spec.accountId());
        this.id = spec.accountId();
        this.fence = new Fence(id, with.epochs(), with.lease());
        // statuses carry the epoch but go out even when the lease lapsed: a stale owner's last STOPPED is ignored
        // downstream by its epoch, a current owner's is applied
        this.status = new StatusReporter(spec.accountId(), origin, fence.guard(with.context().publisher(), false),
                with.context().clock());
        SessionSettings settings = with.context().settings();
        this.backoff = new Backoff(settings.backoffStart(), settings.backoffMax(), settings.stableAfter());
        this.connection = new HeldConnection(spec.accountId().value());
        this.thread = new SessionThread(spec.accountId().value());
    }

    Status currentStatus() {
        return status.current();
    }

    void start() {
        thread.start(this::run);
    }

    /** A new registration: reconnect with it unless nothing that matters changed. */
    void update(AccountSpec next) {
        AccountSpec previous = spec.getAndSet(next);
        if (HeldConnection.stillFits(previous, next)) {
            return;
        }
        restart = true;
        wake.release();
        connection.close();
    }

    /** Never dropped: the inbound adapter pauses the partition instead when too many wait (issue 15). */
    void enqueue(PendingCommand command) {
        commands.add(command);
    }

    /** The commands not applied yet, taken out of the session (which is stopping). */
    List<PendingCommand> drainCommands() {
        return commands.drain();
    }

    Long epoch() {
        return fence.epoch();
    }

    /** The lease lapsed: drop the connection now (no goodbye), keep the commands, wait for {@link #resume()}. */
    void suspend() {
        suspended = true;
        wake.release();
        connection.abort();
    }

    /** The lease holds again: go on, if the epoch is still the newest (checked before reconnecting). */
    void resume() {
        suspended = false;
        wake.release();
    }

    /** Stops the session and waits (bounded) until its connection is closed. */
    void stop(Duration wait) {
        stopped = true;
        wake.release();
        thread.stop(connection::close, wait);
    }

    private void run() {
        MDC.put("accountId", id.value()); // every line this session logs carries the account, in JSON as a field
        pause(Backoff.randomUpTo(stagger));
        if (paced && !stopped && !with.takeovers().awaitTurn()) {
            stopped = true; // interrupted: stop() was called
        }
        while (!stopped) {
            backoff.connected(null);
            if (suspended || !with.lease().valid()) {
                awaitResume();
                continue;
            }
            try {
                restart = false;
                // on a short thread, as the loop's work is: a MongoDB round trip is a deep wait (ShortThreads)
                Long taken = ShortThreads.call(this, () -> fence.claim(with.context().settings().instanceId()));
                if (taken != null) {
                    log.info("account {}: owner epoch {}", id, taken);
                }
                AccountSpec account = spec.get();
                ShortThreads.run(this, () -> status.report(Status.CONNECTING, null));
                try {
                    // issue 22: the login is resolved per connection (a token refreshed once it expires)
                    with.loops().run(account, with.logins().of(account), origin, this, fence);
                } finally {
                    commands.endApplying(); // a loop that failed mid-command leaves no span open on this thread
                }
            } catch (OwnershipLost lost) {
                connection.close();
                if (lost.epochTaken()) {
                    log.warn("account {}: {}; stopping", id, lost.getMessage());
                    stopped = true;
                } // else the lease lapsed: the loop waits until it holds again, and the epoch is checked anew
            } catch (MailServerException.AuthenticationFailed e) {
                failed(Status.AUTH_FAILED, e, with.context().settings().authRetry());
            } catch (SecretCipher.UndecryptableSecretException | MailServerException.Unsupported e) {
                failed(Status.ERROR, e, with.context().settings().authRetry());
            } catch (MailServerException.Unreachable e) {
                failed(Status.UNREACHABLE, e, backoff.afterFailure(with.context().clock().instant()));
            } catch (RuntimeException e) {
                if (!stopped && !restart && !suspended) {
                    log.warn("account {}: session failed", id, e);
                }
                failed(Status.ERROR, e, backoff.afterFailure(with.context().clock().instant()));
            }
        }
        Thread.interrupted(); // the stop's interrupt has done its work; the last status must still go out
        status.report(Status.STOPPED, null);
    }

    /** Waits while suspended (until {@link #resume()}) or the lease lapsed; the next connection checks the epoch. */
    private void awaitResume() {
        connection.close();
        while (!stopped && (suspended || !with.lease().valid())) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    @Override
    public boolean running() {
        return !stopped && !restart && !suspended && with.lease().valid();
    }

    @Override
    public void holding(AutoCloseable held) {
        connection.hold(held);
        if (held != null && stopped) {
            connection.close();
        } else if (held != null && suspended) {
            connection.abort(); // made while suspend() aborted the one before it (R13): not beside the new owner's
        }
    }

    @Override
    public void connected() {
        backoff.connected(with.context().clock().instant());
    }

    @Override
    public void status(Status next) {
        status.report(next, null);
    }

    @Override
    public PendingCommand nextCommand() {
        return commands.next();
    }

    @Override
    public void retryFirst(PendingCommand command) {
        commands.retryFirst(command);
    }

    @Override
    public void endApplying() {
        commands.endApplying();
    }

    @Override
    public void onCommand(Runnable wakeUp) {
        commands.onArrival(wakeUp);
    }

    private void failed(Status failure, RuntimeException e, Duration retryIn) {
        if (!stopped && !restart && !suspended) {
            status.report(failure, e.getMessage());
            pause(retryIn);
        }
    }

    @Override // waits, woken early by a new registration or a stop
    public void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            wake.drainPermits();
            if (!stopped && !restart && !suspended) {
                wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
