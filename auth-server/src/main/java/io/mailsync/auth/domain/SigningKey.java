package io.mailsync.auth.domain;

/**
 * The private key tokens are signed with, as a JSON Web Key (RFC 7517), and its key id ({@code kid}) that every
 * token's header names. The key never leaves the data folder and this process: {@code toString} shows the id only.
 */
public record SigningKey(String keyId, String jwkJson) {

    public SigningKey {
        if (keyId == null || keyId.isBlank() || jwkJson == null || jwkJson.isBlank()) {
            throw new IllegalArgumentException("a signing key needs a key id and its JWK");
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + "]";
    }
}
