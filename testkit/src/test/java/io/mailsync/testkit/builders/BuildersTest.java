package io.mailsync.testkit.builders;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static io.mailsync.testkit.builders.AccountStatusChangedBuilder.anAccountStatusChange;
import static io.mailsync.testkit.builders.FolderResetBuilder.aFolderReset;
import static io.mailsync.testkit.builders.MailboxUsageSampledBuilder.aMailboxUsageSample;
import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrivedLike;
import static io.mailsync.testkit.builders.MessageExpungedBuilder.aMessageExpunged;
import static io.mailsync.testkit.builders.MessageFlagsChangedBuilder.aMessageFlagsChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.WireRecord;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the builders give a test that states nothing, and that what they build travels like any record. */
class BuildersTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void twoMessagesBuiltWithoutAUidAreTwoMessages() {
        MessageArrived one = aMessageArrived().forAccount("a").build();
        MessageArrived two = aMessageArrived().forAccount("a").build();

        assertThat(one.locator()).isNotEqualTo(two.locator());
        assertThat(one.messageIdHeader()).isNotEqualTo(two.messageIdHeader());
        assertThat(one.eventId()).isNotEqualTo(two.eventId());
    }

    @Test
    void aCopyKeepsEveryFieldButTheOneChanged() {
        MessageArrived original = aMessageArrived().forAccount("a").causedBy(Origin.server()).inFolder("Sent")
                .withUidValidity(42).withUid(7).withModSeq(9L).withMessageIdHeader("<m@x>").from("alice@x")
                .to("bob@x").cc("carol@x").withSubject("lunch?").sentAt(Instant.parse("2026-01-01T00:00:00Z"))
                .receivedAt(Instant.parse("2026-01-01T00:00:05Z")).withSize(99).withFlags("$seen")
                .withContentRef("gridfs:1").asRebuild().build();

        assertThat(aMessageArrivedLike(original).build()).isEqualTo(original);
        assertThat(aMessageArrivedLike(original).withContentRef("gridfs:2").build())
                .isEqualTo(new MessageArrived(original.eventId(), original.occurredAt(), AccountId.of("a"),
                Origin.server(),
                        MessageLocator.imap("Sent", 42, 7), 9L, "<m@x>", List.of("alice@x"), List.of("bob@x"),
                        List.of("carol@x"), "lunch?", original.sentAt(), original.receivedAt(), 99,
                        Set.of("$seen"), "gridfs:2", true));
    }

    @Test
    void aPop3MessageIsKnownByItsUidlAlone() {
        assertThat(aMessageArrived().withUidl("u-1").build().locator()).isEqualTo(MessageLocator.pop3("u-1"));
        assertThat(aMessageArrived().withUidl("u-1").inFolder("INBOX").withUid(3).build().locator())
                .isEqualTo(MessageLocator.imap("INBOX", 7, 3));
    }

    @Test
    void anAccountSpecIsAValidImapMailboxWithNoLimitAndNoPlan() {
        AccountSpec spec = anAccountSpec().forAccount("a").ofCustomer("c").build();

        assertThat(spec.protocol()).isEqualTo(AccountSpec.Protocol.IMAP);
        assertThat(spec.folders()).containsExactly("INBOX");
        assertThat(spec.quotaLimitBytes()).isNull();
        assertThat(spec.plan()).isNull();
        assertThat(anAccountSpec().pop3().build().port()).isEqualTo(995);
    }

    @Test
    void everythingBuiltRoundTripsThroughTheWireCodec() {
        String account = "account-" + UUID.randomUUID();
        List<WireRecord> built = List.of(
                aMessageArrived().forAccount(account).build(),
                aMessageFlagsChanged().forAccount(account).adding("$seen").build(),
                aMessageExpunged().forAccount(account).build(),
                aFolderReset().forAccount(account).build(),
                aMailboxUsageSample().forAccount(account).using(1024L).of(4096L).build(),
                anAccountStatusChange().forAccount(account).build(),
                anAccountSpec().forAccount(account).onPlan("gold").build());

        for (WireRecord record : built) {
            assertThat(codec.decode(codec.encode(record), WireRecord.class)).contains(record);
        }
    }
}
