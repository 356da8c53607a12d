package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Consumers built today must keep working when producers built tomorrow add fields and types. */
class ForwardCompatibilityTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void unknownFieldsAreIgnored() {
        String json = """
                {"type":"MessageExpunged","schemaVersion":1,"eventId":"6f1c1a52-3a57-4c1e-9a7e-0d4f5a1b2c3d",
                 "occurredAt":"2026-11-26T08:15:30Z","accountId":"acc-1",
                 "origin":{"kind":"SESSION","id":"s","addedLater":true},
                 "locator":{"uidl":"UID-0001"},"reasonAddedInAFutureRelease":"expired"}""";

        assertThat(codec.decode(json, MailEvent.class))
                .get().isInstanceOfSatisfying(MessageExpunged.class,
                        e -> assertThat(e.locator()).isEqualTo(MessageLocator.pop3("UID-0001")));
    }

    @Test
    void unknownTypesAreReportedForSkippingNotAsErrors() {
        assertThat(codec.decode("{\"type\":\"MessageSnoozed\",\"schemaVersion\":1,\"accountId\":\"acc-1\"}"))
                .isEqualTo(new EventCodec.Decoded.Unknown("MessageSnoozed", 1));
        assertThat(codec.decode("{\"type\":\"MessageSnoozed\",\"accountId\":\"acc-1\"}", MailEvent.class)).isEmpty();
    }

    @Test
    void aMalformedRecordOfAnotherFamilyIsPoisonUnlessTheConsumerReadsOnlyOneType() {
        String malformed = "{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"poison\":true}";

        assertThatThrownBy(() -> codec.decode(malformed, MailCommand.class))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("MessageArrived v1 is malformed");
        assertThat(codec.decodeOnly(malformed, MailboxUsageSampled.class)).isEmpty();
        assertThatThrownBy(() -> codec.decodeOnly("{not json", MailboxUsageSampled.class))
                .isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("not JSON");
    }

    @Test
    void aRecordsKnownTypeIsToldFromItsTypeAndVersionAlone() {
        assertThat(codec.knownType("{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"poison\":true}"))
                .contains(MessageArrived.class);
        assertThat(codec.knownType("{\"type\":\"MessageArrived\",\"schemaVersion\":99}")).isEmpty();
        assertThat(codec.knownType("{\"type\":\"MailboxShrunkByMagic\",\"schemaVersion\":1}")).isEmpty();
        assertThatThrownBy(() -> codec.knownType("{not json")).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void aRecordIsReadWhereverItsTypeAndVersionStand() {
        String json = """
                {"eventId":"6f1c1a52-3a57-4c1e-9a7e-0d4f5a1b2c3d","occurredAt":"2026-11-26T08:15:30Z",
                 "origin":{"kind":"SESSION","id":"s","nested":{"type":"NotThisOne"}},"accountId":"acc-1",
                 "locator":{"uidl":"UID-0001"},"schemaVersion":1,"type":"MessageExpunged"}""";

        assertThat(codec.decode(json, MailEvent.class)).get().isInstanceOf(MessageExpunged.class);
    }

    @Test
    void everyRecordIsWrittenWithItsTypeAndVersionFirst() {
        for (WireRecord sample : Samples.all()) {
            WireType wire = EventCodec.wireType(sample.getClass());
            assertThat(codec.encode(sample)).as(wire.name())
                    .startsWith("{\"type\":\"" + wire.name() + "\",\"schemaVersion\":" + wire.version() + ",");
        }
    }

    @Test
    void aNewerBreakingVersionOfAKnownTypeIsSkippedToo() {
        assertThat(codec.decode("{\"type\":\"MessageArrived\",\"schemaVersion\":2,\"whatever\":1}"))
                .isEqualTo(new EventCodec.Decoded.Unknown("MessageArrived", 2));
    }

    @Test
    void aRecordOfAnotherFamilyIsNotMistakenForThisOne() {
        String spec = codec.encode(Samples.all().stream().filter(AccountSpec.class::isInstance).findFirst().orElseThrow());
        assertThat(codec.decode(spec, MailEvent.class)).isEmpty();
        assertThat(codec.decode(spec, AccountSpec.class)).isPresent();
    }

    @Test
    void poisonRecordsFailWithAReasonAPersonCanRead() {
        assertThatThrownBy(() -> codec.decode("{not json"))
                .isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> codec.decode("[1,2]"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("no \"type\"");
        assertThatThrownBy(() -> codec.decode("""
                {"type":"MessageExpunged","eventId":"6f1c1a52-3a57-4c1e-9a7e-0d4f5a1b2c3d",
                 "occurredAt":"2026-11-26T08:15:30Z","accountId":"acc-1","locator":{"folder":"INBOX"}}"""))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("MessageExpunged v1 is malformed")
                .hasMessageContaining("exactly one of them");
    }

    /** ADR 0012: the wire records hold an {@code AccountId}; one that cannot be one makes the record poison. */
    @Test
    void aRecordWhoseAccountIdCannotBeOneIsMalformedNamingTheField() {
        String tooLong = "x".repeat(201);
        assertThatThrownBy(() -> codec.decode("""
                {"type":"MessageExpunged","eventId":"6f1c1a52-3a57-4c1e-9a7e-0d4f5a1b2c3d",
                 "occurredAt":"2026-11-26T08:15:30Z","accountId":"%s","locator":{"uidl":"UID-0001"}}\
                """.formatted(tooLong)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("MessageExpunged v1 is malformed")
                .hasMessageContaining("an account id is 1 to 200 characters");
        assertThatThrownBy(() -> codec.decode("""
                {"type":"MessageExpunged","eventId":"6f1c1a52-3a57-4c1e-9a7e-0d4f5a1b2c3d",
                 "occurredAt":"2026-11-26T08:15:30Z","accountId":" ","locator":{"uidl":"UID-0001"}}"""))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("an account id");
    }
}
