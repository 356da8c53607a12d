package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every store of rotated refresh tokens does (issue 22). */
public interface RotatedRefreshTokensContract {

    RotatedRefreshTokens tokens();

    @Test
    default void aTokenIsFoundOnlyForTheLineageItDescendsFrom() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        tokens().keep(account, "lineage-1", "v1:k:first");
        tokens().keep(account, "lineage-1", "v1:k:second");

        assertThat(tokens().find(account, "lineage-1")).contains("v1:k:second");
        assertThat(tokens().find(account, "lineage-2")).as("a token registered anew").isEmpty();
        assertThat(tokens().find(AccountId.of("acc-" + UUID.randomUUID()), "lineage-1")).isEmpty();
    }

    @Test
    default void aReplacementTakesEffectOnlyOverTheTokenExpected() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        tokens().keep(account, "lineage-1", "v1:old:a");

        assertThat(tokens().replace(account, "v1:old:stale", "v1:new:x")).isFalse();
        assertThat(tokens().replace(account, "v1:old:a", "v1:new:a")).isTrue();

        assertThat(tokens().find(account, "lineage-1")).contains("v1:new:a");
        assertThat(tokens().all()).anySatisfy(s -> {
            assertThat(s.accountId()).isEqualTo(account);
            assertThat(s.encryptedToken()).isEqualTo("v1:new:a");
        });
    }
}
