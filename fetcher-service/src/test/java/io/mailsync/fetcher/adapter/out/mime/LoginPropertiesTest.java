package io.mailsync.fetcher.adapter.out.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.HostLogin.Mechanism;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MailLogin;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Which Angus properties each mechanism sets (issue 22); that they log in is shown on Dovecot
 * ({@code HostLoginDovecotIT}). What matters here: a master login can never fall back to a plain LOGIN.
 */
class LoginPropertiesTest {

    private static final AccountSpec ACCOUNT = new AccountSpec(AccountId.of("acc-1"), "cust-1",
            AccountSpec.Protocol.IMAP,
            "imap.example", 143, AccountSpec.Security.NONE, false, "alice", null, null, null, null, false, null, null,
            null, Instant.now());

    @Test
    void aMasterLoginIsSaslPlainOnlyWithTheUserAsAuthorizationIdentity() {
        MailLogin login = new MailLogin(ACCOUNT, Mechanism.MASTER_PLAIN, "mailsync", "pw", "alice");

        Properties imap = LoginProperties.add(new Properties(), "imap", login);
        Properties pop3 = LoginProperties.add(new Properties(), "pop3", login);

        assertThat(imap).containsEntry("mail.imap.sasl.enable", "true").containsEntry("mail.imap.sasl.mechanisms",
                "PLAIN").containsEntry("mail.imap.sasl.authorizationid", "alice");
        assertThat(pop3).containsEntry("mail.pop3.auth.mechanisms", "PLAIN")
                .containsEntry("mail.pop3.sasl.authorizationid", "alice");
        assertThat(LoginProperties.shareable(login)).isFalse();
    }

    @Test
    void theMailboxesOwnLoginKeepsAngusDefaultsAndASharedSession() {
        MailLogin login = new MailLogin(ACCOUNT, "pw");

        assertThat(LoginProperties.add(new Properties(), "imaps", login)).isEmpty();
        assertThat(LoginProperties.shareable(login)).isTrue();
    }

    @Test
    void tokensUseAngusXoauth2OrItsSaslSupportForOauthBearerAndPop3CarriesBothAsXoauth2() {
        MailLogin xoauth2 = new MailLogin(ACCOUNT, Mechanism.XOAUTH2, "alice", "token", null);
        MailLogin bearer = new MailLogin(ACCOUNT, Mechanism.OAUTHBEARER, "alice", "token", null);

        assertThat(LoginProperties.add(new Properties(), "pop3s", xoauth2))
                .containsEntry("mail.pop3s.auth.mechanisms", "XOAUTH2")
                .containsEntry("mail.pop3s.auth.xoauth2.disable", "false");
        assertThat(LoginProperties.add(new Properties(), "imap", bearer))
                .containsEntry("mail.imap.sasl.mechanisms", "OAUTHBEARER");
        assertThat(java.security.Security.getProvider("mailsync-OAUTHBEARER")).isNotNull();
        assertThat(LoginProperties.add(new Properties(), "pop3", bearer)).as("POP3: the same token as XOAUTH2")
                .containsEntry("mail.pop3.auth.mechanisms", "XOAUTH2")
                .doesNotContainKey("mail.pop3.sasl.enable");
    }
}
