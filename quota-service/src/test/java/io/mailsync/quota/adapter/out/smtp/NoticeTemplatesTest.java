package io.mailsync.quota.adapter.out.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.QuotaAccount;
import io.mailsync.quota.domain.Forecast;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import io.mailsync.quota.domain.Usage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {

    private static final long GIB = 1L << 30;
    private final NoticeTemplates templates = new NoticeTemplates();
    private final QuotaAccount account = new QuotaAccount(AccountId.of("acc-1"), "cust-1", "alice@home.example", GIB, 10_000L);

    @Test
    void aLevelNoticeSaysUsedLimitPercentDaysToFullAndWhatToDo() {
        var rendered = templates.render(account, new Notice.LevelReached(UUID.randomUUID(), Resource.STORAGE, 90,
                new Usage((long) Math.ceil(GIB * 0.93), GIB), new Forecast(Instant.parse("2026-12-01T00:00:00Z"), 4.6)));
        assertThat(rendered.subject()).isEqualTo("Your mailbox is 90% full — please make room soon");
        assertThat(rendered.body()).contains("acc-1 has reached 93% of its storage limit: 952.3 MiB of 1.0 GiB used",
                "full in about 5 days", "empty the Trash", "ask us for a larger mailbox");
        assertThat(rendered.body()).doesNotContain("{");
    }

    @Test
    void fullBackUnderAndForecastHaveTheirOwnWords() {
        assertThat(templates.render(account, new Notice.LevelReached(UUID.randomUUID(), Resource.MESSAGE, 100,
                new Usage(10_000, 10_000), null)).body())
                .contains("is full: 10000 messages of 10000 messages (number of messages) used",
                        "New mail to you is being returned to its senders");
        assertThat(templates.render(account, new Notice.BackUnderQuota(UUID.randomUUID(), Resource.STORAGE,
                new Usage(GIB / 2, GIB))).subject()).isEqualTo("Your mailbox accepts mail again");
        assertThat(templates.render(account, new Notice.FullSoon(UUID.randomUUID(), Resource.STORAGE,
                new Usage(GIB * 3 / 4, GIB), new Forecast(Instant.now(), 0.4))).subject())
                .isEqualTo("Your mailbox will be full in about 1 day");
    }

    @Test
    void aLevelWithoutItsOwnTemplateUsesTheGenericOne() {
        var rendered = templates.render(account, new Notice.LevelReached(UUID.randomUUID(), Resource.STORAGE, 60,
                new Usage(GIB * 61 / 100, GIB), null));
        assertThat(rendered.subject()).isEqualTo("Your mailbox is 60% full");
        assertThat(rendered.body()).doesNotContain("{daysToFull}", "current rate")
                .contains("has reached 60% of its storage limit", "624.6 MiB of 1.0 GiB used");
    }

    @Test
    void amountsReadLikeAPersonWouldWriteThem() {
        assertThat(NoticeTemplates.amount(Resource.STORAGE, 512)).isEqualTo("512 bytes");
        assertThat(NoticeTemplates.amount(Resource.STORAGE, 5L * GIB / 2)).isEqualTo("2.5 GiB");
        assertThat(NoticeTemplates.amount(Resource.MESSAGE, 1)).isEqualTo("1 message");
    }
}
