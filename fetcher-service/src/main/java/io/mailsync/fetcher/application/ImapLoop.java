package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AppendMessage;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.MailCommand;
import io.mailsync.events.MoveMessage;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import java.time.Duration;
import java.time.Instant;
import io.mailsync.fetcher.domain.MailboxUsage;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IMAP account's connection: announce what is new, apply write-back commands, sample usage, IDLE on INBOX
 * (or poll), and again at once — latency is a feature (DESIGN.md), there is no debounce.
 */
final class ImapLoop {

    private static final Logger log = LoggerFactory.getLogger(ImapLoop.class);
    private static final String INBOX = "INBOX";

    private final MailServer server;
    private final SyncContext with;
    private final Origin origin;
    private final FolderCommands folderCommands;
    private Instant lastUsage = Instant.MIN;
    private boolean usageDue = true;

    ImapLoop(MailServer server, SyncContext with, Origin origin) {
        this.server = server;
        this.with = with;
        this.origin = origin;
        this.folderCommands = new FolderCommands(with.contents());
    }

    void run(AccountSpec account, String password, SessionControl control) {
        try (MailboxConnection c = server.connect(new MailLogin(account, password))) {
            control.holding(c);
            if (!control.running()) {
                return;
            }
            control.connected();
            control.status(Status.CONNECTED);
            RemoteFolder inbox = c.open(INBOX);
            control.onCommand(inbox::wakeUp);
            FolderSync sync = new FolderSync(account.accountId(), origin, inbox, with, account.storeBodies());
            boolean push = c.supportsPush();
            Duration renew = push ? with.settings().idleRenewal() : account.pollInterval();
            OtherFolders others = new OtherFolders(account, origin, c, with);
            while (control.running()) {
                applyCommands(control, sync, c);
                int count;
                do {
                    count = inbox.messageCount();
                    usageDue |= sync.sync() > 0;
                } while (inbox.messageCount() != count && control.running());
                usageDue |= others.pollIfDue() > 0;
                sampleUsage(account, c);
                control.status(push ? Status.IDLE : Status.POLLING);
                inbox.awaitChange(min(min(renew, sync.untilFullCompare()), min(untilUsage(), others.untilDue())));
            }
        } finally {
            control.onCommand(null);
            control.holding(null);
        }
    }

    private void applyCommands(SessionControl control, FolderSync sync, MailboxConnection c) {
        for (MailCommand command = control.nextCommand(); command != null; command = control.nextCommand()) {
            if (command instanceof AppendMessage append) {
                try {
                    folderCommands.append(c, append);
                } catch (MailServerException.Unreachable e) {
                    control.retryFirst(append); // appended or not, the retry finds out by Message-ID first
                    throw e;
                }
            } else if (command instanceof MoveMessage move) {
                try {
                    folderCommands.move(c, move);
                } catch (MailServerException.Unreachable e) {
                    control.retryFirst(move);
                    throw e;
                }
            } else if (command instanceof SetFlags setFlags) {
                try {
                    sync.apply(setFlags);
                } catch (MailServerException.Unreachable e) {
                    control.retryFirst(setFlags); // the connection failed, not the command
                    throw e;
                } catch (MailServerException | IllegalArgumentException e) {
                    // refused by the server or not expressible: retrying cannot help, and must not loop
                    log.warn("account {}: SetFlags {} refused: {}", setFlags.accountId(), setFlags.commandId(),
                            e.getMessage());
                }
            }
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
