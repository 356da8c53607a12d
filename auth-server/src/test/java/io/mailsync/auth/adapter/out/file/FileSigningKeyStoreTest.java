package io.mailsync.auth.adapter.out.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.auth.domain.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key outlives a restart, and nobody but its owner can read it. */
class FileSigningKeyStoreTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAnOwnerOnlyKeyAndTheNextFindsTheSameOne() throws Exception {
        Path file = data.resolve("nested/auth-signing-key.jwk");
        SigningKey first = new FileSigningKeyStore(file).loadOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"kid\":\"" + first.keyId() + "\"").contains("\"d\":");
        assertThat(new FileSigningKeyStore(file).loadOrCreate().keyId()).isEqualTo(first.keyId());
        assertThat(first.toString()).doesNotContain(first.jwkJson()).contains(first.keyId());
        assertThat(Files.list(file.getParent())).containsExactly(file); // no partial file left behind
    }

    @Test
    void aKeyOthersCouldReadIsMadeOwnerOnly() throws Exception {
        Path file = data.resolve("key.jwk");
        new FileSigningKeyStore(file).loadOrCreate();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new FileSigningKeyStore(file).loadOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsTheStartWithoutQuotingIt() throws Exception {
        Path file = data.resolve("key.jwk");
        Files.writeString(file, "{\"kty\":\"RSA\",\"d\":\"private-part-");

        assertThatThrownBy(() -> new FileSigningKeyStore(file).loadOrCreate())
                .hasMessageContaining("is not an RSA JSON Web Key; move it away")
                .hasMessageNotContaining("private-part")
                .hasNoCause();
    }
}
