package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.GrantScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 added {@code grants} to {@code AccountSpec} within schema v1 (an optional field): a spec without grants
 * writes the JSON it always did, one with grants travels whole, and a scope a later release adds is ignored.
 */
class AccountSpecGrantsTest {

    private final EventCodec codec = new EventCodec();

    private static AccountSpec plain() {
        return (AccountSpec) Samples.all().stream().filter(AccountSpec.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void aSpecWithoutGrantsWritesTheGoldenJsonAndReadsBackWithout() throws Exception {
        String golden = Files.readString(Path.of("src/test/resources/golden/AccountSpec.v1.json"));
        assertThat(golden).doesNotContain("grants");

        AccountSpec decoded = codec.decode(golden, AccountSpec.class).orElseThrow();

        assertThat(decoded.grants()).isNull();
        assertThat(decoded.grantsOrNone()).isEmpty();
        assertThat(codec.encode(plain().withGrants(List.of(), plain().updatedAt()))).doesNotContain("grants");
    }

    @Test
    void grantsTravelAndSurviveACredentialChange() {
        AccountSpec.Grant bob = new AccountSpec.Grant("cust-bob", List.of("read", "write"), "bob@home.example",
                Samples.AT);
        AccountSpec shared = plain().withGrants(List.of(bob), Samples.AT);

        AccountSpec decoded = codec.decode(codec.encode(shared), AccountSpec.class).orElseThrow();

        assertThat(decoded).isEqualTo(shared);
        assertThat(decoded.withSecret("v1:CCCC:DDDD", Samples.AT).grants()).containsExactly(bob);
    }

    @Test
    void aScopeThisBuildDoesNotKnowIsIgnored() {
        String json = codec.encode(plain().withGrants(List.of(new AccountSpec.Grant("cust-bob",
                List.of("read", "teleport"), null, Samples.AT)), Samples.AT));

        AccountSpec decoded = codec.decode(json, AccountSpec.class).orElseThrow();

        assertThat(GrantScope.known(decoded.grants().getFirst().scopes())).isEqualTo(Set.of(GrantScope.READ));
        assertThat(decoded.grantedTo(GrantScope.READ)).containsExactly("cust-bob");
        assertThat(decoded.grantedTo(GrantScope.WRITE)).isEmpty();
    }
}
