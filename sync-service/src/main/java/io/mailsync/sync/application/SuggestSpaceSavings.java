package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.MailboxFootprint;
import io.mailsync.sync.domain.FolderUsage;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;

/**
 * Help to free space before the mailbox is full (issue 11): the largest and the oldest messages and the folders
 * that hold the most, each with the bytes deleting it would free. The quota notices link here.
 */
public class SuggestSpaceSavings {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final AccountAccess access;
    private final MailboxFootprint footprint;

    public SuggestSpaceSavings(AccountAccess access, MailboxFootprint footprint) {
        this.access = access;
        this.footprint = footprint;
    }

    public Suggestions suggest(Caller caller, AccountId account, Integer limit) {
        access.require(caller, account);
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT);
        }
        List<FolderUsage> folders = footprint.folders(account);
        return new Suggestions(account,
                folders.stream().mapToLong(FolderUsage::messages).sum(),
                folders.stream().mapToLong(FolderUsage::bytes).sum(),
                footprint.largest(account, n), footprint.oldest(account, n), folders);
    }

    /** What the account holds in total and where to start deleting. */
    public record Suggestions(AccountId accountId, long messages, long bytes, List<StoredMessage> largest,
                              List<StoredMessage> oldest, List<FolderUsage> folders) {
    }
}
