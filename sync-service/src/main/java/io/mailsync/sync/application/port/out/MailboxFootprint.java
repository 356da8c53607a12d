package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.domain.FolderUsage;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;

/** Where an account's bytes are: the questions "help me free space" asks of its live messages. */
public interface MailboxFootprint {

    /** Live messages, largest first, at most {@code limit}. */
    List<StoredMessage> largest(AccountId accountId, int limit);

    /** Live messages with a received date, oldest first, at most {@code limit}. */
    List<StoredMessage> oldest(AccountId accountId, int limit);

    /** Every folder with live messages, the one holding the most bytes first. */
    List<FolderUsage> folders(AccountId accountId);
}
