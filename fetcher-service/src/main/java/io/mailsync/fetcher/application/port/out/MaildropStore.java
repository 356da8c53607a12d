package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.domain.UidlRecord;
import java.util.Collection;
import java.util.Map;

/** The POP3 messages each account's fetcher has announced, by UIDL (the fetcher's own store). */
public interface MaildropStore {

    Map<String, UidlRecord> load(AccountId accountId);

    void add(AccountId accountId, Collection<UidlRecord> announced);

    /** The sync service stored the message: retention may now delete it from the server. */
    void markStoredDownstream(AccountId accountId, String uidl);

    void remove(AccountId accountId, Collection<String> uidls);

    void forget(AccountId accountId);
}
