package io.mailsync.webhook.application.port.out;

import io.mailsync.events.mail.AccountId;
import java.util.Optional;

/** Which customer owns an account, as the compacted accounts topic last said. */
public interface AccountOwners {

    Optional<String> ownerOf(AccountId account);

    void record(AccountId account, String customerId);

    void forget(AccountId account);
}
