package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.domain.ReadStateMode;

/** Each mailbox's choice of shared or private read state (issue 23); {@code SHARED} unless its owner chose. */
public interface ReadStateModes {

    ReadStateMode modeOf(AccountId accountId);

    /** False when the account is gone. */
    boolean choose(AccountId accountId, ReadStateMode mode);
}
