package io.mailsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/** The launcher gives a real Dovecot with the capabilities GreenMail lacks. */
class DovecotTest {

    @Test
    void deliversToAUserWhoCanLogInAndSeesCondstoreQresyncAndQuota() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("kit", "*:storage=1M");
        dovecot.deliver(user, MailText.simple("a@example.test", user.address(), "hello", "body"));

        try (Store store = connect(dovecot, user.login(), user.password())) {
            IMAPStore imap = (IMAPStore) store;
            assertThat(imap.hasCapability("CONDSTORE")).isTrue();
            assertThat(imap.hasCapability("QRESYNC")).isTrue();
            assertThat(imap.hasCapability("QUOTA")).isTrue();
            assertThat(imap.hasCapability("IDLE")).isTrue();
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hello");
            assertThat(imap.getQuota("INBOX")[0].resources[0].limit).isEqualTo(1024);
        }
    }

    @Test
    void refusesAWrongPassword() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("kit", null);
        assertThatThrownBy(() -> connect(dovecot, user.login(), "wrong").close())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private static Store connect(Dovecot dovecot, String login, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), login, password);
        return store;
    }
}
