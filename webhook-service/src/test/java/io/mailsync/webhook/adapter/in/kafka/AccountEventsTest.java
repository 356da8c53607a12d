package io.mailsync.webhook.adapter.in.kafka;

import static io.mailsync.testkit.builders.AccountStatusChangedBuilder.anAccountStatusChange;
import static io.mailsync.testkit.builders.MailboxUsageSampledBuilder.aMailboxUsageSample;
import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static io.mailsync.testkit.builders.MessageExpungedBuilder.aMessageExpunged;
import static io.mailsync.testkit.builders.MessageFlagsChangedBuilder.aMessageFlagsChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.QuotaAlert;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.domain.AccountEvent;
import io.mailsync.webhook.domain.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountEventsTest {

    @Test
    void newMailCarriesWhereItIsAndTheSourceEventIdButNoContent() {
        MessageArrived m = aMessageArrived().forAccount("a1").inFolder("INBOX").withUidValidity(7).withUid(42)
                .withSubject("secret plans").from("boss@example.com").build();

        AccountEvent e = AccountEvents.of(m).orElseThrow();

        assertThat(e.type()).isEqualTo(EventType.MESSAGE_ARRIVED);
        assertThat(e.eventId()).isEqualTo(m.eventId().toString());
        assertThat(e.data()).isEqualTo(Map.of("folder", "INBOX", "uidValidity", "7", "uid", "42"));
    }

    @Test
    void aReannouncementAfterAFolderResetIsNotNewMail() {
        assertThat(AccountEvents.of(aMessageArrived().forAccount("a1").asRebuild().build())).isEmpty();
    }

    @Test
    void keywordsExpungesStatusAndQuotaLevels() {
        assertThat(AccountEvents.of(aMessageFlagsChanged().forAccount("a1").at(MessageLocator.pop3("u-1"))
                .adding("$seen", "$flagged").removing("$draft").build()).orElseThrow())
                .extracting(AccountEvent::type, AccountEvent::data)
                .containsExactly(EventType.KEYWORDS_CHANGED,
                        Map.of("uidl", "u-1", "added", "$flagged $seen", "removed", "$draft"));
        assertThat(AccountEvents.of(aMessageExpunged().forAccount("a1").build()).orElseThrow().type())
                .isEqualTo(EventType.MESSAGE_DESTROYED);
        assertThat(AccountEvents.of(anAccountStatusChange().forAccount("a1")
                .to(AccountStatusChanged.Status.AUTH_FAILED, "login refused").build()).orElseThrow().data())
                .isEqualTo(Map.of("status", "AUTH_FAILED", "reason", "login refused"));
        QuotaLevelCrossed q = new QuotaLevelCrossed(UUID.randomUUID(), Instant.now(), AccountId.of("a1"),
                QuotaAlert.Resource.STORAGE, 90, QuotaLevelCrossed.Direction.UP, 90, 100, 90.0);
        assertThat(AccountEvents.of(q).orElseThrow())
                .extracting(AccountEvent::type, AccountEvent::eventId)
                .containsExactly(EventType.QUOTA_LEVEL, q.eventId().toString());
    }

    @Test
    void recordsNoSubscriptionCanAskForAreSkipped() {
        assertThat(AccountEvents.of(aMailboxUsageSample().forAccount("a1").build())).isEmpty();
    }
}
