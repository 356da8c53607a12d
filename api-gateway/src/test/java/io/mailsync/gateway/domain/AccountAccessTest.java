package io.mailsync.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountAccessTest {

    private final Caller c1 = new Caller("c1", "app", Set.of(Scope.MAIL_READ));
    private final Caller admin = new Caller("ops", "provisioning", Set.of(Scope.ACCOUNTS_ADMIN));

    @Test
    void ownAccountsAreAllowed() {
        assertThat(AccountAccess.decide(c1, Optional.of("c1"))).isEqualTo(AccountAccess.ALLOWED);
    }

    @Test
    void anotherCustomersAccountIsHidden() {
        assertThat(AccountAccess.decide(c1, Optional.of("c2"))).isEqualTo(AccountAccess.HIDDEN);
    }

    @Test
    void anAccountNotYetSeenIsLeftToTheService() {
        assertThat(AccountAccess.decide(c1, Optional.empty())).isEqualTo(AccountAccess.UNVERIFIED);
    }

    @Test
    void adminsReachEveryAccount() {
        assertThat(AccountAccess.decide(admin, Optional.of("c2"))).isEqualTo(AccountAccess.ALLOWED);
        assertThat(AccountAccess.decide(admin, Optional.empty())).isEqualTo(AccountAccess.ALLOWED);
    }
}
