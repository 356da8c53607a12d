package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.AppendMessage;
import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MailCommand;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MoveMessage;
import io.mailsync.events.Origin;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.MailboxUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IMAP account's connection: announce what is new, apply write-back commands, sample usage, IDLE on INBOX
 * (or poll), and again at once — latency is a feature (DESIGN.md), there is no debounce.
 */
final class ImapLoop {

    private static final Logger log = LoggerFactory.getLogger(ImapLoop.class);
    private static final String INBOX = "INBOX";
    /** Attempts at a command that fails neither by the connection, the claim nor the server's refusal. */
    static final int ATTEMPTS = 3;

    private final MailServer server;
    private final SyncContext with;
    private final Origin origin;
    private final FolderCommands folderCommands;
    private final Fence fence;
    private final BodyFetches bodies;
    private final HostBudget budget;
    private Instant lastUsage = Instant.MIN;
    private boolean usageDue = true;
    /** Issue 22: logged out after a round because the host's budget left no IDLE place; connects again to poll. */
    private boolean polling;

    ImapLoop(MailServer server, SyncContext with, Origin origin, Fence fence, BodyFetches bodies,
             HostBudget budget) {
        this.server = server;
        this.budget = budget;
        this.with = with;
        this.origin = origin;
        this.fence = fence;
        this.folderCommands = new FolderCommands(with.contents());
        this.bodies = bodies;
    }

    void run(AccountSpec account, Supplier<MailLogin> login, SessionControl control) {
        while (control.running()) {
            try (HostBudget.Slot slot = budget.connection(control)) {
                if (slot == null || !connected(account, login, control, slot)) {
                    return; // stopped or changed (while waiting for the host's budget, or connected)
                }
                polling = true;
            }
            control.pause(account.pollInterval()); // issue 22: logged out, the host's budget is free for another
        }
    }

    /** Returns true when the host's budget left no IDLE place: one round done and logged out, to be polled again. */
    private boolean connected(AccountSpec account, Supplier<MailLogin> login, SessionControl control,
                              HostBudget.Slot slot) {
        try (MailboxConnection c = server.connect(login.get())) {
            control.holding(c);
            // the host's slot lost (issue 22): cut without a goodbye, another fetcher may hold the slot by now
            slot.cutBy(() -> Thread.ofVirtual().start(c::abort));
            if (!control.running()) {
                return false;
            }
            control.connected();
            if (!polling) {
                control.status(Status.CONNECTED); // a mailbox polled within its host's budget stays POLLING
            }
            RemoteFolder inbox = c.open(INBOX);
            control.onCommand(inbox::wakeUp);
            FolderSync sync = new FolderSync(account.accountId(), origin, inbox, with, account.storeBodies());
            boolean push = c.supportsPush();
            Duration renew = push ? with.settings().idleRenewal() : account.pollInterval();
            OtherFolders others = new OtherFolders(account, origin, c, with);
            Duration waited = null; // set when the last IDLE lasted until its renewal: nothing the server said ended it
            boolean unannouncedLogged = false;
            while (control.running()) {
                applyCommands(control, sync, others, c, inbox);
                long counted;
                long announced;
                int found = 0;
                do {
                    // not the message count: Angus asks the server for it with a NOOP after every IDLE (issue 18)
                    counted = inbox.countAnnouncements();
                    found += sync.sync();
                    announced = inbox.announcements();
                } while (inbox.countAnnouncements() != counted && control.running());
                usageDue |= found > 0;
                if (waited != null && found > 0) {
                    unannouncedLogged = unannounced(account, found, waited, unannouncedLogged);
                }
                waited = null;
                usageDue |= others.pollIfDue() > 0;
                sampleUsage(account, c);
                if (inbox.announcements() != announced) {
                    // new mail, a flag change or an expunge announced in the answer to a command after the sync
                    // (another folder's poll, the quota read): IDLE would not announce it again, and it would wait
                    // for the next change (new mail waited 30 s in a devstack run)
                    continue;
                }
                if (!slot.mayIdle()) {
                    control.status(Status.POLLING);
                    return true;
                }
                control.status(push ? Status.IDLE : Status.POLLING);
                Duration wait = min(min(renew, sync.untilFullCompare()), min(untilUsage(), others.untilDue()));
                boolean ranOut = inbox.awaitChange(wait);
                // only an IDLE that lasted until its renewal: one cut short for the usage sample, another folder's poll
                // or a due full comparison may end before a push already on its way (Dovecot sends them ~0.5 s late)
                waited = ranOut && push && wait.compareTo(renew) == 0 ? wait : null;
            }
            return false;
        } finally {
            slot.cutBy(null);
            control.onCommand(null);
            control.holding(null);
        }
    }

    /**
     * Changes found right after an IDLE that lasted until its renewal were never announced during it: the server's
     * IDLE notifications are off or late (Cyrus without {@code idled}; Dovecot past its inotify limits, then polling
     * every {@code mailbox_idle_check_interval}), and new mail waited for the renewal instead of arriving at once.
     * Said at WARN once per connection (then DEBUG): a change made in the last moment before the renewal is one too.
     */
    private static boolean unannounced(AccountSpec account, int found, Duration waited, boolean logged) {
        String format = "account {}: {} change(s) in INBOX found when an IDLE was renewed after {} ms: the server did"
                + " not announce them while they waited (are its IDLE notifications working?)";
        if (logged) {
            log.debug(format, account.accountId(), found, waited.toMillis());
        } else {
            log.warn(format, account.accountId(), found, waited.toMillis());
        }
        return true;
    }

    /**
     * Applies the queued commands, each completed (its offset committed) only once the server has it or refused it
     * for good (issue 15). A lost connection, a lost claim or a failed owner check (the epoch store unreachable) puts
     * it back first in line: the next connection — or, should the account move, its next owner — applies it again,
     * and each command is safe to repeat. Any other failure while applying it (a store, the broker) puts it back too,
     * up to {@link #ATTEMPTS} times; a command that fails every time is then given up with an error in the log, so
     * it cannot hold its account's later commands back for good.
     */
    private void applyCommands(SessionControl control, FolderSync sync, OtherFolders others, MailboxConnection c,
                               RemoteFolder inbox) {
        PendingCommand next = control.nextCommand();
        if (next != null) {
            try {
                fence.checkOwner(); // a stale owner must not write to the server
            } catch (RuntimeException e) {
                control.retryFirst(next); // the claim is lost or could not be checked: not the command's fault
                throw e;
            }
        }
        for (; next != null; next = control.nextCommand()) {
            try {
                apply(next.command(), sync, others, c, inbox);
            } catch (MailServerException.Unreachable | OwnershipLost e) {
                control.retryFirst(next); // the connection or the claim failed, not the command
                throw e;
            } catch (MailServerException | IllegalArgumentException e) {
                // refused by the server or not expressible: retrying cannot help, and must not loop
                log.warn("account {}: {} {} refused: {}", next.command().accountId(),
                        next.command().getClass().getSimpleName(), next.command().commandId(), e.getMessage());
            } catch (RuntimeException e) {
                PendingCommand failed = next.failedOnce();
                if (failed.failures() < ATTEMPTS || !control.running()) { // a stopping session gives up nothing
                    control.retryFirst(failed); // the session reports the failure and connects again after a pause
                    throw e;
                }
                log.error("account {}: {} {} given up after {} failed attempts", next.command().accountId(),
                        next.command().getClass().getSimpleName(), next.command().commandId(), ATTEMPTS, e);
            }
            next.complete();
        }
    }

    private void apply(MailCommand command, FolderSync sync, OtherFolders others, MailboxConnection c,
                       RemoteFolder inbox) {
        switch (command) {
            // issue 20: on the selected INBOX, or on a folder opened for it
            case FetchMessageBody fetch when INBOX.equalsIgnoreCase(fetch.locator().folder()) ->
                    bodies.answer(fetch, inbox, fence.epoch());
            case FetchMessageBody fetch -> bodies.answerElsewhere(fetch, c, fence.epoch());
            case SearchMailbox search -> bodies.searches().answer(search, inbox, c, fence.epoch());
            case AppendMessage append -> folderCommands.append(c, append); // finds a lost-answer copy by Message-ID
            case MoveMessage move -> folderCommands.move(c, move);
            case SetFlags setFlags when !setFlags.locator().isPop3()
                    && !INBOX.equalsIgnoreCase(setFlags.locator().folder()) -> others.apply(setFlags);
            case SetFlags setFlags -> sync.apply(setFlags);
            default -> log.debug("account {}: {} is not for IMAP", command.accountId(), command.getClass());
        }
    }

    /** RFC 9208 GETQUOTAROOT on connect and after changes, at most once per {@code usageEvery}. */
    private void sampleUsage(AccountSpec account, MailboxConnection c) {
        if (!usageDue || !untilUsage().isZero()) {
            return;
        }
        usageDue = false;
        lastUsage = with.clock().instant();
        MailboxUsageSampled.Source source = MailboxUsageSampled.Source.IMAP_QUOTA;
        Optional<MailboxUsage> usage = c.usage();
        if (usage.isEmpty()) {
            // no quota reported: count the INBOX, and quota-service holds it against the provisioned limit
            source = MailboxUsageSampled.Source.FOLDER_SIZES;
            usage = c.inboxSize();
        }
        MailboxUsageSampled.Source from = source;
        usage.ifPresent(u -> with.publisher().publish(new MailboxUsageSampled(UUID.randomUUID(),
                with.clock().instant(), account.accountId(), origin, from,
                u.storageUsedBytes(), u.storageLimitBytes(), u.messageCount(), u.messageLimit())));
    }

    private Duration untilUsage() {
        if (!usageDue) {
            return Duration.ofDays(1);
        }
        Duration left = Duration.between(with.clock().instant(), lastUsage.plus(with.settings().usageEvery()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration min(Duration a, Duration b) {
        Duration m = a.compareTo(b) <= 0 ? a : b;
        return m.isZero() ? Duration.ofMillis(1) : m;
    }
}
