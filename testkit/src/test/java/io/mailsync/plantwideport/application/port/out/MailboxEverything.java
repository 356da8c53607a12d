package io.mailsync.plantwideport.application.port.out;

public interface MailboxEverything {

    void create(String accountId);

    void rename(String accountId, String name);

    void delete(String accountId);

    int count(String accountId);

    long size(String accountId);

    void markRead(String accountId, String messageId);

    void markUnread(String accountId, String messageId);

    void move(String accountId, String messageId, String folder);

    void copy(String accountId, String messageId, String folder);

    void expunge(String accountId);

    void subscribe(String accountId, String folder);

    /** A default is no verb the adapter must write: it does not count. */
    default void touch(String accountId) {
        count(accountId);
    }
}
