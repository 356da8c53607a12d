package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.Draft;
import java.util.Optional;

/** Which device owns each draft and which message is its current version. Single-document atomic writes. */
public interface DraftStore {

    /** False if the draft id exists already. */
    boolean create(Draft draft);

    Optional<Draft> find(AccountId accountId, String draftId);

    /** Moves the draft to its next version, only if {@code current} is still the current one (a concurrent save). */
    boolean advance(Draft current, MessageId newMessageId);

    void remove(AccountId accountId, String draftId);

    /** The account is gone: forget all its drafts. */
    void deleteAccount(AccountId accountId);
}
