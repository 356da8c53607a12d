package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.UidlRecord;
import java.util.Collection;
import java.util.Map;

/** The POP3 messages each account's fetcher has announced, by UIDL (the fetcher's own store). */
public interface MaildropStore {

    Map<String, UidlRecord> load(String accountId);

    void add(String accountId, Collection<UidlRecord> announced);

    /** The sync service stored the message: retention may now delete it from the server. */
    void markStoredDownstream(String accountId, String uidl);

    void remove(String accountId, Collection<String> uidls);

    void forget(String accountId);
}
