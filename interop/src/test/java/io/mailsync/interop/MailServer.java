package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;

/**
 * A running IMAP + POP3 server on loopback, as the interop suite and the end-to-end scenarios use it: users of its
 * own with a storage quota, mail delivered the way that server's LDA delivers it, ports below 32768.
 */
public interface MailServer extends AutoCloseable {

    /** A short name for reports: {@code dovecot}, {@code cyrus}, {@code courier}, {@code greenmail}. */
    String name();

    String host();

    int imapPort();

    int pop3Port();

    /**
     * A new mailbox {@code prefix-xxxxxxxx} with a random password and a storage quota of {@code quotaBytes}
     * (rounded up to KiB, IMAP QUOTA's unit); {@code quotaBytes <= 0} means no quota.
     */
    MailUser newUser(String prefix, long quotaBytes);

    /** Delivers an RFC 822 message into the user's INBOX through the server's own delivery path. */
    void deliver(MailUser user, String rfc822);

    /** Whether {@link #resetUidValidity(MailUser)} can provoke a UIDVALIDITY change on this server. */
    default boolean canResetUidValidity() {
        return false;
    }

    /**
     * Gives the user's INBOX a new UIDVALIDITY while keeping its messages, as a server restore or rebuild does
     * (RFC 3501 §2.3.1.1: every cached UID is then void). Clients connected meanwhile may be disconnected.
     */
    default void resetUidValidity(MailUser user) {
        throw new UnsupportedOperationException(name() + " offers no way to provoke a UIDVALIDITY change");
    }

    /** The mailbox name mailsync's IMAP side sees for a sub-folder of INBOX (Courier: {@code INBOX.x}). */
    default String folderName(String name) {
        return name;
    }

    /** Stops the server and waits for it; idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
