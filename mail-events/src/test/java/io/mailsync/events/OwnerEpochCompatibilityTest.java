package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 added {@code ownerEpoch} to every event within schema v1 (an optional field): records already on
 * {@code mail.events} have none and must still decode — to the same event with no epoch, which always applies.
 */
class OwnerEpochCompatibilityTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void anEventWrittenBeforeOwnerEpochsDecodesWithoutOne() throws Exception {
        List<MailEvent> events = Samples.all().stream().filter(MailEvent.class::isInstance)
                .map(MailEvent.class::cast).toList();
        assertThat(events).hasSize(6);
        for (MailEvent sample : events) {
            String name = EventCodec.wireType(sample.getClass()).name();
            String golden = Files.readString(Path.of("src/test/resources/golden/" + name + ".v1.json"));
            String before = golden.replaceAll(",\\s*\"ownerEpoch\"\\s*:\\s*3", "");
            assertThat(before).as(name).doesNotContain("ownerEpoch");

            MailEvent decoded = codec.decode(before, MailEvent.class).orElseThrow();

            assertThat(decoded.ownerEpoch()).as(name).isNull();
            assertThat(decoded.withOwnerEpoch(3)).as(name).isEqualTo(sample);
        }
    }

    @Test
    void theEpochTravelsAndAStampedCopyKeepsEverythingElse() {
        MessageExpunged plain = new MessageExpunged(Samples.ID, Samples.AT, AccountId.of("acc-1"), Samples.SESSION,
                MessageLocator.pop3("UID-0001"));

        MailEvent stamped = plain.withOwnerEpoch(42);

        assertThat(stamped.ownerEpoch()).isEqualTo(42L);
        assertThat(codec.encode(plain)).doesNotContain("ownerEpoch");
        assertThat(codec.decode(codec.encode(stamped), MailEvent.class)).contains(stamped);
        assertThat(((MessageExpunged) stamped).locator()).isEqualTo(plain.locator());
    }
}
