package io.mailsync.events.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void account_ids_are_not_blank_and_at_most_200_characters() {
        assertThat(AccountId.of("a-" + "x".repeat(198)).value()).hasSize(200);
        assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of("x".repeat(201)));
        assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of(""));
        assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of(null));
    }

    @Test
    void device_ids_are_not_blank_and_at_most_200_characters() {
        assertThat(DeviceId.of("d-" + "x".repeat(198)).value()).hasSize(200);
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.of("x".repeat(201)))
                .withMessage("a device id is 1 to 200 characters, not blank");
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.of(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.of(null));
    }

    @Test
    void message_ids_are_jmap_ids() {
        assertThat(MessageId.of("M0123abcdef_-").toString()).isEqualTo("M0123abcdef_-");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of("<a@b>"))
                .withMessageContaining("not a message id");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of("x".repeat(256)));
    }

    @Test
    void uids_and_uidvalidities_are_non_zero_unsigned_32_bit_numbers() {
        assertThat(new Uid(4294967295L).value()).isEqualTo(4294967295L);
        assertThat(new UidValidity(1).value()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new Uid(0)).withMessageContaining("RFC 3501");
        assertThatIllegalArgumentException().isThrownBy(() -> new Uid(4294967296L));
        assertThatIllegalArgumentException().isThrownBy(() -> new UidValidity(-1));
        assertThat(new Uid(2)).isGreaterThan(new Uid(1));
    }

    @Test
    void modseqs_start_at_zero_and_only_grow() {
        assertThat(ModSeq.ZERO.next()).isEqualTo(ModSeq.of(1));
        assertThat(ModSeq.of(5).isAfter(ModSeq.of(4))).isTrue();
        assertThat(ModSeq.of(4).isAfter(ModSeq.of(4))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> ModSeq.of(-1)).withMessageContaining("RFC 7162");
    }

    @Test
    void keywords_are_canonical_lower_case_and_refuse_what_rfc_8621_forbids() {
        assertThat(Keyword.of("$Flagged")).isEqualTo(Keyword.FLAGGED);
        assertThatIllegalArgumentException().isThrownBy(() -> new Keyword("$Flagged"))
                .withMessageContaining("canonical");
        for (String bad : List.of("", "a b", "a(b", "a]b", "a%", "a*", "a\"b", "a\\b", "x".repeat(256))) {
            assertThatIllegalArgumentException().isThrownBy(() -> Keyword.of(bad)).withMessageContaining("not a keyword");
        }
        assertThat(Keyword.lenient("a b")).isEmpty();
    }

    @Test
    void imap_flags_map_to_keywords_and_back() {
        assertThat(Keyword.fromImapFlags(List.of("\\Seen", "\\FLAGGED", "\\Recent", "\\Unknown", "Work", "bad flag")))
                .containsExactlyInAnyOrder(Keyword.SEEN, Keyword.FLAGGED, Keyword.of("work"));
        assertThat(Keyword.SEEN.toImapFlag()).isEqualTo("\\Seen");
        assertThat(Keyword.DELETED.isSystem()).isTrue();
        assertThat(Keyword.of("work").toImapFlag()).isEqualTo("work");
        assertThat(Keyword.of("work").isSystem()).isFalse();
    }

    @Test
    void what_a_producer_reported_reads_as_the_keywords_among_it_and_writes_back_as_strings() {
        assertThat(Keyword.validAmong(List.of("$Seen", "Work", "bad flag", "x".repeat(256))))
                .containsExactlyInAnyOrder(Keyword.SEEN, Keyword.of("work"));
        assertThat(Keyword.values(List.of(Keyword.FLAGGED, Keyword.of("work")))).containsExactlyInAnyOrder("$flagged",
                "work");
    }
}
