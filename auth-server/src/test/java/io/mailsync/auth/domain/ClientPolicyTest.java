package io.mailsync.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A client that is configured wrong stops the start with a sentence that names it and says what to change. */
class ClientPolicyTest {

    private static final Optional<Secret> SECRET = Optional.of(new Secret("{noop}s3cret-value"));
    private static final List<String> AUD = ApiScopes.API_AUDIENCES;

    @Test
    void aBackEndForOneCustomerAndAPublicAppAreValid() {
        var partner = new ClientPolicy("partner", SECRET, Set.of(Grant.CLIENT_CREDENTIALS), Optional.of("cust-1"),
                Set.of("mail.read"), AUD, List.of(), false);
        var app = new ClientPolicy("app", Optional.empty(), Set.of(Grant.AUTHORIZATION_CODE), Optional.empty(),
                Set.of("mail.read"), AUD, List.of("http://127.0.0.1:8765/callback"), true);
        assertThat(partner.isPublic()).isFalse();
        assertThat(app.isPublic()).isTrue();
    }

    @Test
    void clientCredentialsWithoutASecretAreRefused() {
        assertThatThrownBy(() -> new ClientPolicy("p", Optional.empty(), Set.of(Grant.CLIENT_CREDENTIALS),
                Optional.of("cust-1"), Set.of("mail.read"), AUD, List.of(), false))
                .hasMessage("client 'p': client credentials need a secret");
    }

    @Test
    void aBackEndActsForACustomerOrProvisions() {
        assertThatThrownBy(() -> new ClientPolicy("p", SECRET, Set.of(Grant.CLIENT_CREDENTIALS), Optional.empty(),
                Set.of("mail.read"), AUD, List.of(), false))
                .hasMessageContaining("acts for one customer (customer-id) or provisions accounts");
        assertThat(new ClientPolicy("ops", SECRET, Set.of(Grant.CLIENT_CREDENTIALS), Optional.empty(),
                Set.of("accounts.admin"), AUD, List.of(), false).customerId()).isEmpty();
    }

    @Test
    void aCustomerIdOnAnAuthorizationCodeClientIsRefused() {
        assertThatThrownBy(() -> new ClientPolicy("app", Optional.empty(), Set.of(Grant.AUTHORIZATION_CODE),
                Optional.of("cust-1"), Set.of("mail.read"), AUD, List.of("http://127.0.0.1/cb"), false))
                .hasMessageContaining("the customer who signs in is the sub");
    }

    @Test
    void unknownScopesAreNamed() {
        assertThatThrownBy(() -> new ClientPolicy("p", SECRET, Set.of(Grant.CLIENT_CREDENTIALS), Optional.of("c"),
                Set.of("mail.read", "mail.everything"), AUD, List.of(), false))
                .hasMessageContaining("unknown scopes [mail.everything]");
    }

    @Test
    void anAuthorizationCodeNeedsARedirectUriAndAPublicClientGetsNoRefreshToken() {
        assertThatThrownBy(() -> new ClientPolicy("app", Optional.empty(), Set.of(Grant.AUTHORIZATION_CODE),
                Optional.empty(), Set.of("mail.read"), AUD, List.of(), false))
                .hasMessageContaining("at least one redirect URI");
        assertThatThrownBy(() -> new ClientPolicy("app", Optional.empty(),
                Set.of(Grant.AUTHORIZATION_CODE, Grant.REFRESH_TOKEN), Optional.empty(), Set.of("mail.read"), AUD,
                List.of("http://127.0.0.1/cb"), false))
                .hasMessageContaining("a public client (no secret) gets no refresh tokens");
    }

    @Test
    void aSecretIsWrittenWithItsEncodingAndNeverPrinted() {
        assertThatThrownBy(() -> new Secret("plain-text-secret"))
                .hasMessageContaining("{noop}")
                .hasMessageNotContaining("plain-text-secret");
        var partner = new ClientPolicy("partner", SECRET, Set.of(Grant.CLIENT_CREDENTIALS), Optional.of("cust-1"),
                Set.of("mail.read"), AUD, List.of(), false);
        assertThat(partner.toString()).doesNotContain("s3cret-value");
        assertThat(new CustomerLogin("ann", new Secret("{noop}pw-of-ann"), "cust-1").toString())
                .doesNotContain("pw-of-ann");
    }

    @Test
    void twoClientsWithOneIdAreAConfigurationError() {
        var one = new ClientPolicy("p", SECRET, Set.of(Grant.CLIENT_CREDENTIALS), Optional.of("c"),
                Set.of("mail.read"), AUD, List.of(), false);
        assertThatThrownBy(() -> new ClientDirectory(List.of(one, one))).hasMessage("client 'p' is configured twice");
    }
}
