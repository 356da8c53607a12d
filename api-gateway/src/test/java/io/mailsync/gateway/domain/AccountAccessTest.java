package io.mailsync.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.GrantScope;
import java.util.Map;
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

    @Test
    void aPersonTheAccountIsSharedWithReachesIt_andLosesItWithTheGrant() {
        Tenancy shared = new Tenancy("c2", Map.of("c1", Set.of(GrantScope.WRITE)));

        assertThat(AccountAccess.of(c1, Optional.of(shared))).isEqualTo(AccountAccess.ALLOWED);
        assertThat(shared.allows("c1", GrantScope.READ)).as("the event stream needs read").isFalse();
        assertThat(AccountAccess.of(c1, Optional.of(Tenancy.ownedBy("c2")))).isEqualTo(AccountAccess.HIDDEN);
        assertThat(AccountAccess.of(new Caller("c3", "app", Set.of()), Optional.of(shared)))
                .isEqualTo(AccountAccess.HIDDEN);
    }
}
