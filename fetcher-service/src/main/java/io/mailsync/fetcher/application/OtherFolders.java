package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's folders besides INBOX, polled on a budget: once per poll interval, one after the other on a
 * single extra connection (opened, synced, closed), so an account never holds more connections than configured. On a
 * host with a connection budget (issue 22) the IMAP adapter runs them on the main connection, INBOX set aside
 * meanwhile, so they cost no connection at all and are watched even with one connection per account allowed.
 */
final class OtherFolders {

    private static final Logger log = LoggerFactory.getLogger(OtherFolders.class);

    private final AccountSpec account;
    private final Origin origin;
    private final MailboxConnection connection;
    private final SyncContext with;
    private final AccountId accountId;
    private final List<String> folders;
    private Instant lastPoll = Instant.MIN;

    OtherFolders(AccountSpec account, Origin origin, MailboxConnection connection, SyncContext with) {
        this.account = account;
        this.origin = origin;
        this.connection = connection;
        this.with = with;
        this.accountId = account.accountId();
        boolean budget = with.settings().maxConnections() >= 2
                || (account.hostLogin() != null && account.hostLogin().connectionBudget() != null);
        this.folders = budget ? account.folders().stream().filter(f -> !f.equalsIgnoreCase("INBOX")).toList()
                : List.of();
        if (!budget && account.folders().size() > 1) {
            log.warn("account {}: one connection allowed, only INBOX is watched", account.accountId());
        }
    }

    /** Returns how many events the poll published (0 when not due). */
    int pollIfDue() {
        if (folders.isEmpty() || untilDue().isPositive()) {
            return 0;
        }
        lastPoll = with.clock().instant();
        int published = 0;
        for (String name : folders) {
            RemoteFolder folder = connection.open(name);
            try {
                published += new FolderSync(accountId, origin, folder, with, account.storeBodies()).sync();
            } finally {
                connection.release(folder);
            }
        }
        return published;
    }

    /**
     * A device's flag change for a message outside INBOX (Sent, Trash, a watched folder): written back on a folder
     * opened for it, with the same attribution as INBOX's. Before issue 15 such a SetFlags was skipped and lost.
     */
    void apply(io.mailsync.events.SetFlags command) {
        RemoteFolder folder = connection.open(command.locator().folder());
        try {
            new FolderSync(accountId, origin, folder, with, account.storeBodies()).apply(command);
        } finally {
            connection.release(folder);
        }
    }

    Duration untilDue() {
        if (folders.isEmpty()) {
            return Duration.ofDays(1);
        }
        Duration left = Duration.between(with.clock().instant(), lastPoll.plus(account.pollInterval()));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
