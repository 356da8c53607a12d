package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Quota;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

class CourierServerIT implements MailServerContract {

    @Override
    public MailServer server() {
        return CourierServer.shared();
    }

    @Test
    void reportsTheMaildirQuotaAndItsUsage() throws Exception {
        MailUser user = server().newUser("quota", 100 * 1024);
        String message = MailText.simple("sender@example.test", user.address(), "counted", "x".repeat(2000));
        server().deliver(user, message);
        try (IMAPStore imap = Stores.imap(server(), user)) {
            Quota quota = imap.getQuota("INBOX")[0];
            assertThat(quota.resources[0].name).isEqualTo("STORAGE");
            assertThat(quota.resources[0].limit).isEqualTo(100);
            assertThat(quota.resources[0].usage).isEqualTo((message.length() + 1023) / 1024);
        }
    }
}
