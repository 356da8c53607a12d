package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.Origin;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServer;
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
 *
 * <p>Everything but the wait runs on a {@link ShortThreads short thread}: the session's own thread lives as long as
 * its mailbox, and a virtual thread keeps the stack its deepest wait ever needed (issue 18, heap per IDLE mailbox).
 */
final class ImapLoop {

    private static final Logger log = LoggerFactory.getLogger(ImapLoop.class);
    private static final String INBOX = "INBOX";
    /** Attempts at a command that fails neither by the connection, the claim nor the server's refusal. */
    static final int ATTEMPTS = ImapCommands.ATTEMPTS;

    private final MailServer server;
    private final SyncContext with;
    private final Origin origin;
    private final ImapCommands commands;
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
        this.commands = new ImapCommands(fence, bodies, new FolderCommands(with.contents()));
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
        try (MailboxConnection c = ShortThreads.call(control, () -> server.connect(login.get()))) {
            control.holding(c);
            // the host's slot lost (issue 22): cut without a goodbye, another fetcher may hold the slot by now
            slot.cutBy(() -> Thread.ofVirtual().start(c::abort));
            if (!control.running()) {
                return false;
            }
            control.connected();
            Selected inbox = ShortThreads.call(control, () -> new Selected(account, c, control));
            while (control.running()) {
                Duration wait = ShortThreads.call(control, () -> inbox.round(slot));
                if (wait == null) {
                    if (inbox.loggedOut) {
                        return true;
                    }
                    continue;
                }
                boolean ranOut = inbox.folder.awaitChange(wait);
                // only an IDLE that lasted until its renewal: one cut short for the usage sample, another folder's poll
                // or a due full comparison may end before a push already on its way (Dovecot sends them ~0.5 s late)
                inbox.waited = ranOut && inbox.push && wait.compareTo(inbox.renew) == 0 ? wait : null;
            }
            return false;
        } finally {
            slot.cutBy(null);
            control.onCommand(null);
            control.holding(null);
        }
    }

    /** INBOX selected on one connection, and what the rounds between two waits on it carry over. */
    private final class Selected {
        final AccountSpec account;
        final MailboxConnection connection;
        final SessionControl control;
        final RemoteFolder folder;
        final FolderSync sync;
        final OtherFolders others;
        final boolean push;
        final Duration renew;
        /** Set when the last IDLE lasted until its renewal: nothing the server said ended it. */
        Duration waited;
        boolean unannouncedLogged;
        /** The host's budget left no IDLE place: this round was the connection's last. */
        boolean loggedOut;

        Selected(AccountSpec account, MailboxConnection connection, SessionControl control) {
            this.account = account;
            this.connection = connection;
            this.control = control;
            if (!polling) {
                control.status(Status.CONNECTED); // a mailbox polled within its host's budget stays POLLING
            }
            this.folder = connection.open(INBOX);
            control.onCommand(folder::wakeUp);
            this.sync = new FolderSync(account.accountId(), origin, folder, with, account.storeBodies());
            this.push = connection.supportsPush();
            this.renew = push ? with.settings().idleRenewal() : account.pollInterval();
            this.others = new OtherFolders(account, origin, connection, with);
        }

        /** Commands, the sync, other folders and usage; then how long to wait, or null to go round again at once. */
        Duration round(HostBudget.Slot slot) {
            commands.applyAll(control, sync, others, connection, folder);
            long counted;
            long announced;
            int found = 0;
            do {
                // not the message count: Angus asks the server for it with a NOOP after every IDLE (issue 18)
                counted = folder.countAnnouncements();
                found += sync.sync();
                announced = folder.announcements();
            } while (folder.countAnnouncements() != counted && control.running());
            usageDue |= found > 0;
            if (waited != null && found > 0) {
                unannouncedLogged = unannounced(account, found, waited, unannouncedLogged);
            }
            waited = null;
            usageDue |= others.pollIfDue() > 0;
            sampleUsage(account, connection);
            if (folder.announcements() != announced) {
                // new mail, a flag change or an expunge announced in the answer to a command after the sync
                // (another folder's poll, the quota read): IDLE would not announce it again, and it would wait
                // for the next change (new mail waited 30 s in a devstack run)
                return null;
            }
            if (!slot.mayIdle()) {
                control.status(Status.POLLING);
                loggedOut = true;
                return null;
            }
            control.status(push ? Status.IDLE : Status.POLLING);
            return min(min(renew, sync.untilFullCompare()), min(untilUsage(), others.untilDue()));
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
