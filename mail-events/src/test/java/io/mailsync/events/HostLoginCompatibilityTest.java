package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 added {@code hostLogin} to {@link AccountSpec} within schema v1 (an optional field): registrations already
 * on the compacted {@code mail.accounts} topic have none and must decode to the same mailbox logging in as before.
 */
class HostLoginCompatibilityTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void aRegistrationWrittenBeforeHostProfilesDecodesWithoutOne() throws Exception {
        String golden = Files.readString(Path.of("src/test/resources/golden/AccountSpec.v1.json"));
        String before = golden.replaceAll("(?s),\\s*\"hostLogin\"\\s*:\\s*\\{[^}]*}", "");
        assertThat(before).doesNotContain("hostLogin");

        AccountSpec decoded = codec.decode(before, AccountSpec.class).orElseThrow();

        assertThat(decoded.hostLogin()).isNull();
        assertThat(decoded.withHostLogin(Samples.HOST_LOGIN, Samples.AT)).isEqualTo(decoded(golden));
    }

    @Test
    void aSpecWithoutAProfileWritesNoneAndTheProfileTravelsWithEveryCopy() {
        AccountSpec plain = ((AccountSpec) Samples.all().stream().filter(AccountSpec.class::isInstance).findFirst()
                .orElseThrow()).withHostLogin(null, Samples.AT);
        HostLogin oauth = new HostLogin("mail-example", HostLogin.Mechanism.OAUTHBEARER, null, null, null,
                new HostLogin.OAuthClient(URI.create("https://login.example/token"), "mailsync", "v1:k:s", "mail"),
                null);

        AccountSpec withOauth = plain.withHostLogin(oauth, Samples.AT).withSecret("v1:k:refresh", Samples.AT);

        assertThat(codec.encode(plain)).doesNotContain("hostLogin");
        assertThat(withOauth.hostLogin()).isEqualTo(oauth);
        assertThat(codec.decode(codec.encode(withOauth), AccountSpec.class)).contains(withOauth);
    }

    @Test
    void aProfileThatCannotLogInIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new HostLogin("h", HostLogin.Mechanism.MASTER_PLAIN, "mailsync", null, null, null,
                null)).hasMessageContaining("master username and secret");
        assertThatThrownBy(() -> new HostLogin("h", HostLogin.Mechanism.XOAUTH2, null, null, null, null, null))
                .hasMessageContaining("OAuth client");
        assertThatThrownBy(() -> new HostLogin("h", HostLogin.Mechanism.LOGIN, null, null, null, null, 0))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new HostLogin.OAuthClient(URI.create("file:/etc/passwd"), "c", null, null))
                .hasMessageContaining("http(s)");
        assertThat(new HostLogin("h", HostLogin.Mechanism.MASTER_SEPARATOR, "m", "v1:k:s", null, null, null)
                .masterSeparator()).isEqualTo("*");
    }

    private AccountSpec decoded(String json) {
        return codec.decode(json, AccountSpec.class).orElseThrow();
    }
}
