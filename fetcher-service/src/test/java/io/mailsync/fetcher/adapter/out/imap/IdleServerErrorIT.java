package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a mailbox the server broke since the session's last command. Dovecot answers an IDLE started on it with
 * {@code + idling} and then {@code * NO Internal error occurred}; Angus takes that untagged NO for the end of the IDLE
 * and throws, while the server is still idling. The session must say so at once and reconnect — closing the
 * connection politely sent a command the idling server never answered, and the session hung for the read timeout
 * (60 s; a clean-clone CI run failed {@code ServerFailureIT} on it).
 */
class IdleServerErrorIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void anIdleTheServerFailsEndsTheWaitWithItsErrorAndTheConnectionClosesAtOnce() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("idle-broken", null);
        Properties props = new Properties();
        props.put("mail.imap.timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        IMAPStore store = (IMAPStore) Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        ImapMailboxConnection connection = new ImapMailboxConnection(store, () -> { }, Duration.ofSeconds(10));
        RemoteFolder inbox = connection.open("INBOX");

        try (Dovecot.Repair repair = dovecot.breakMailbox(user)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> inbox.awaitChange(Duration.ofSeconds(15)))
                    .isInstanceOf(MailServerException.class).hasMessageContaining("Internal error");
            connection.close();
            Duration taken = Duration.ofNanos(System.nanoTime() - started);
            assertThat(taken).as("the failed IDLE reported and its connection closed, against the read timeout")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }
}
