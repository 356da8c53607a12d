package io.mailsync.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ADR 0010: who a token's {@code sub} is, by grant. */
class TokenContentsTest {

    private static final Optional<Secret> SECRET = Optional.of(new Secret("{noop}x"));
    private static final ClientPolicy PARTNER = new ClientPolicy("partner", SECRET, Set.of(Grant.CLIENT_CREDENTIALS),
            Optional.of("cust-1"), Set.of("mail.read", "mail.write"), ApiScopes.API_AUDIENCES, List.of(), false);
    private static final ClientPolicy PROVISIONING = new ClientPolicy("ops", SECRET, Set.of(Grant.CLIENT_CREDENTIALS),
            Optional.empty(), Set.of("accounts.admin"), List.of("mailsync-api"), List.of(), false);
    private static final ClientPolicy APP = new ClientPolicy("app", Optional.empty(), Set.of(Grant.AUTHORIZATION_CODE),
            Optional.empty(), Set.of("mail.read"), ApiScopes.API_AUDIENCES, List.of("http://127.0.0.1/cb"), true);
    private static final CustomerLogin ANN = new CustomerLogin("ann", new Secret("{noop}pw"), "cust-ann");

    @Test
    void aBackEndsTokenIsForTheCustomerItWasRegisteredFor() {
        var token = TokenContents.decide(PARTNER, Grant.CLIENT_CREDENTIALS, Optional.empty(), Set.of("mail.read"));
        assertThat(token.subject()).isEqualTo("cust-1");
        assertThat(token.audiences())
                .containsExactly("mailsync-api", "mailsync-sync", "mailsync-quota", "mailsync-webhooks");
        assertThat(token.scopes()).containsExactly("mail.read");
    }

    @Test
    void aProvisioningClientIsItsOwnSubject() {
        var token = TokenContents.decide(PROVISIONING, Grant.CLIENT_CREDENTIALS, Optional.empty(),
                Set.of("accounts.admin"));
        assertThat(token.subject()).isEqualTo("ops");
        assertThat(token.audiences()).containsExactly("mailsync-api");
    }

    @Test
    void anAppsTokenIsForTheCustomerWhoSignedIn() {
        var token = TokenContents.decide(APP, Grant.AUTHORIZATION_CODE, Optional.of(ANN), Set.of("mail.read"));
        assertThat(token.subject()).isEqualTo("cust-ann");
    }

    @Test
    void anAuthorizationCodeWithoutASignedInCustomerIsAnError() {
        assertThatThrownBy(() -> TokenContents.decide(APP, Grant.AUTHORIZATION_CODE, Optional.empty(), Set.of()))
                .hasMessageContaining("without a signed-in customer");
    }
}
