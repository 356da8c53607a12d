package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22: stored refresh tokens follow a key rotation A → B, and still open once A is gone. */
class ReEncryptRefreshTokensTest {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=";
    private final InMemoryRotatedRefreshTokens stored = new InMemoryRotatedRefreshTokens();

    @Test
    void tokensUnderTheOldKeyAreSealedAgainWithTheNewOneAndOpenWithoutTheOldKey() {
        AccountId account = AccountId.of("acc-1");
        stored.keep(account, "lineage", new SecretCipher("a", KEY_A).encrypt("acc-1", "rt-rotated"));
        SecretCipher rotating = new SecretCipher("b", KEY_B, Map.of("a", KEY_A));

        assertThat(new ReEncryptRefreshTokens(stored, rotating).reEncryptAll()).isEqualTo(1);
        assertThat(new ReEncryptRefreshTokens(stored, rotating).reEncryptAll()).as("nothing left to do").isZero();

        String sealed = stored.find(account, "lineage").orElseThrow();
        assertThat(sealed).startsWith("v1:b:").doesNotContain("rt-rotated");
        assertThat(new SecretCipher("b", KEY_B).decrypt("acc-1", sealed)).isEqualTo("rt-rotated");
    }

    @Test
    void aTokenNoConfiguredKeyOpensStaysAsItIsAndTheOthersGoOn() {
        String foreign = new SecretCipher("x", KEY_B).encrypt("acc-1", "rt-1");
        stored.keep(AccountId.of("acc-1"), "l1", foreign);
        stored.keep(AccountId.of("acc-2"), "l2", new SecretCipher("a", KEY_A).encrypt("acc-2", "rt-2"));
        SecretCipher rotating = new SecretCipher("b", KEY_B, Map.of("a", KEY_A));

        assertThat(new ReEncryptRefreshTokens(stored, rotating).reEncryptAll()).isEqualTo(1);
        assertThat(stored.find(AccountId.of("acc-1"), "l1")).contains(foreign);
        assertThat(stored.find(AccountId.of("acc-2"), "l2").orElseThrow()).startsWith("v1:b:");
    }
}
