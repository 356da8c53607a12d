package io.mailsync.sync.application.port.out;

import io.mailsync.events.HostLogin;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.List;

/** The registered mailboxes that log in through a mail host's profile (issue 22). */
public interface HostedMailboxes {

    /** The mailboxes registered with host {@code hostId}. */
    List<AccountId> on(String hostId);

    /** Gives every mailbox of {@code login.hostId()} the host's login as it now is; answers how many changed. */
    long applyLogin(HostLogin login, Instant at);
}
