package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.fetcher.domain.MailboxUsage;
import jakarta.mail.Quota;
import org.junit.jupiter.api.Test;

class ImapQuotaTest {

    @Test
    void storageIsReadInKibAndMessagesAsACount() {
        Quota root = new Quota("");
        root.setResourceLimit("STORAGE", 1024);
        root.resources[0].usage = 512;
        root.setResourceLimit("MESSAGE", 100);
        root.resources[1].usage = 7;

        assertThat(ImapQuota.usage(new Quota[] {root}))
                .contains(new MailboxUsage(512L * 1024, 1024L * 1024, 7L, 100L));
    }

    @Test
    void aRootWithoutALimitIsNoQuotaSoTheProvisionedLimitApplies() {
        Quota root = new Quota("");
        root.setResourceLimit("STORAGE", 0);
        root.resources[0].usage = 20_002;

        assertThat(ImapQuota.usage(new Quota[] {root})).isEmpty();
    }
}
