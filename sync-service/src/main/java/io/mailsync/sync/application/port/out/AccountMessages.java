package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import java.util.List;

/** All of an account's messages at once, for removing the account. */
public interface AccountMessages {

    /** The content-store references of every message of the account, live or destroyed. */
    List<String> contentRefs(AccountId accountId);

    void deleteAccount(AccountId accountId);
}
