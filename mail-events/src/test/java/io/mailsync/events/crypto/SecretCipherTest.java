package io.mailsync.events.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretCipher cipher = new SecretCipher("k1", KEY);

    @Test
    void roundTripsAndNeverShowsThePlaintext() {
        String sealed = cipher.encrypt("acc-1", "hunter2");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("hunter2");
        assertThat(cipher.encrypt("acc-1", "hunter2")).isNotEqualTo(sealed); // fresh nonce each time
        assertThat(cipher.decrypt("acc-1", sealed)).isEqualTo("hunter2");
    }

    @Test
    void aCiphertextMovedToAnotherAccountOrTamperedWithDoesNotDecrypt() {
        String sealed = cipher.encrypt("acc-1", "hunter2");
        assertThatThrownBy(() -> cipher.decrypt("acc-2", sealed))
                .isInstanceOf(SecretCipher.UndecryptableSecretException.class)
                .hasMessageNotContaining("hunter2");
        String tampered = sealed.substring(0, sealed.length() - 4) + "AAAA";
        assertThatThrownBy(() -> cipher.decrypt("acc-1", tampered))
                .isInstanceOf(SecretCipher.UndecryptableSecretException.class);
    }

    @Test
    void duringARotationOldCiphertextsStillDecryptAndNewOnesUseTheNewKey() {
        String newKey = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        String sealedWithOld = cipher.encrypt("acc-1", "hunter2");
        SecretCipher rotating = new SecretCipher("k2", newKey, java.util.Map.of("k1", KEY));

        assertThat(rotating.decrypt("acc-1", sealedWithOld)).isEqualTo("hunter2");
        assertThat(rotating.needsReEncryption(sealedWithOld)).isTrue();
        String resealed = rotating.encrypt("acc-1", rotating.decrypt("acc-1", sealedWithOld));
        assertThat(resealed).startsWith("v1:k2:");
        assertThat(rotating.needsReEncryption(resealed)).isFalse();
        assertThatThrownBy(() -> cipher.decrypt("acc-1", resealed)).hasMessageContaining("key 'k2'");
    }

    @Test
    void refusesAWrongKeyClearly() {
        String other = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String sealed = new SecretCipher("k2", other).encrypt("acc-1", "hunter2");
        assertThatThrownBy(() -> cipher.decrypt("acc-1", sealed)).hasMessageContaining("key 'k2'");
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher("k1", "c2hvcnQ="))
                .withMessageContaining("32 bytes");
    }
}
