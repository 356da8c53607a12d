package io.mailsync.events.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each type reads and writes as the bare value it wraps, so a wire record or document switching a {@code String} or
 * {@code long} component to it would keep its JSON byte for byte (ADR 0012).
 */
class VocabularyJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record Typed(AccountId accountId, DeviceId deviceId, MessageId messageId, UidValidity uidValidity, Uid uid,
            ModSeq modseq,
                 List<Keyword> keywords) {
    }

    record Plain(String accountId, String deviceId, String messageId, long uidValidity, long uid, long modseq,
            List<String> keywords) {
    }

    @Test
    void a_record_of_typed_values_writes_the_same_json_as_its_plain_twin() {
        Typed typed = new Typed(AccountId.of("a-1"), DeviceId.of("d-1"), MessageId.of("M0a1b"),
                new UidValidity(1700000000L), new Uid(42), ModSeq.of(7), List.of(Keyword.SEEN, Keyword.of("$Junk")));
        Plain plain = new Plain("a-1", "d-1", "M0a1b", 1700000000L, 42, 7, List.of("$seen", "$junk"));

        String written = json.writeValueAsString(typed);

        assertThat(written).isEqualTo(json.writeValueAsString(plain))
                .isEqualTo("{\"accountId\":\"a-1\",\"deviceId\":\"d-1\",\"messageId\":\"M0a1b\","
                        + "\"uidValidity\":1700000000,\"uid\":42,\"modseq\":7,\"keywords\":[\"$seen\",\"$junk\"]}");
        assertThat(json.readValue(written, Typed.class)).isEqualTo(typed);
    }

    @Test
    void bad_values_in_json_are_refused_with_the_reason() {
        assertThatThrownBy(() -> json.readValue("{\"uid\":0}", Typed.class))
                .hasMessageContaining("a UID is 1 to 4294967295");
        assertThatThrownBy(() -> json.readValue("{\"accountId\":\" \"}", Typed.class))
                .hasMessageContaining("an account id is 1 to 200 characters");
        assertThatThrownBy(() -> json.readValue("{\"keywords\":[\"a b\"]}", Typed.class))
                .hasMessageContaining("'a b' is not a keyword");
    }
}
