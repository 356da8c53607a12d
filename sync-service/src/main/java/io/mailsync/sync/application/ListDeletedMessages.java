package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.DeletedMessages;
import io.mailsync.sync.domain.DeletedMessage;
import java.time.Clock;
import java.util.List;

/** The account's deleted messages that can still be restored: body kept, deleted within the window. */
public class ListDeletedMessages {

    private static final int MAX = 500;

    private final AccountAccess access;
    private final DeletedMessages deleted;
    private final DeletedMailSettings settings;
    private final Clock clock;

    public ListDeletedMessages(AccountAccess access, DeletedMessages deleted, DeletedMailSettings settings,
                               Clock clock) {
        this.access = access;
        this.deleted = deleted;
        this.settings = settings;
        this.clock = clock;
    }

    public List<DeletedMessage> list(Caller caller, AccountId accountId) {
        access.require(caller, accountId);
        return deleted.deletedSince(accountId, clock.instant().minus(settings.window()), MAX);
    }
}
