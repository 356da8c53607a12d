package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Quota;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

class CyrusServerIT implements MailServerContract {

    @Override
    public MailServer server() {
        return CyrusServer.shared();
    }

    @Test
    void reportsTheProvisionedStorageQuota() throws Exception {
        MailUser user = server().newUser("quota", 100 * 1024);
        try (IMAPStore imap = Stores.imap(server(), user)) {
            Quota quota = imap.getQuota("INBOX")[0];
            assertThat(quota.resources[0].name).isEqualTo("STORAGE");
            assertThat(quota.resources[0].limit).isEqualTo(100);
        }
    }
}
