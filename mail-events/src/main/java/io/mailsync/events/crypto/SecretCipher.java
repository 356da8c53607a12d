package io.mailsync.events.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts mailbox passwords at rest and on the wire (AES-256-GCM, a random 96-bit nonce per secret), bound to
 * the account id as associated data so a ciphertext cannot be moved to another account. The text form is
 * {@code v1:<keyId>:<base64(nonce || ciphertext+tag)>}; the key id lets a deployment rotate keys (deploy/README).
 * Nothing here ever logs or prints a secret.
 */
public final class SecretCipher {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final SecretKeySpec key;
    private final Map<String, SecretKeySpec> keysById;

    /**
     * @param keyId     a short name for the key (no ':'), recorded with every ciphertext
     * @param base64Key 32 random bytes, base64 — e.g. {@code openssl rand -base64 32}
     */
    public SecretCipher(String keyId, String base64Key) {
        this(keyId, base64Key, Map.of());
    }

    /**
     * During a key rotation: encrypts with the current key, decrypts with whichever key a ciphertext names.
     *
     * @param previousKeys base64 keys by id that still decrypt but no longer encrypt
     */
    public SecretCipher(String keyId, String base64Key, Map<String, String> previousKeys) {
        this.keyId = validId(keyId);
        this.key = aesKey(base64Key);
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        previousKeys.forEach((id, previous) -> keys.put(validId(id), aesKey(previous)));
        keys.put(keyId, key);
        this.keysById = Map.copyOf(keys);
    }

    /** Whether {@code encrypted} was sealed with an older key and should be re-encrypted with the current one. */
    public boolean needsReEncryption(String encrypted) {
        String[] parts = encrypted == null ? new String[0] : encrypted.split(":", 3);
        return parts.length == 3 && !keyId.equals(parts[1]);
    }

    private static String validId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank() || keyId.contains(":")) {
            throw new IllegalArgumentException("a key id is non-blank and has no ':'");
        }
        return keyId;
    }

    private static SecretKeySpec aesKey(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Objects.requireNonNull(base64Key, "key"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the credential key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("the credential key must be 32 bytes (AES-256), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String accountId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String accountId, String encrypted) {
        String[] parts = encrypted == null ? new String[0] : encrypted.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UndecryptableSecretException("not a v1 encrypted secret");
        }
        SecretKeySpec named = keysById.get(parts[1]);
        if (named == null) {
            throw new UndecryptableSecretException("encrypted with key '" + parts[1] + "', this service has "
                    + keysById.keySet());
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, named, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndecryptableSecretException("the secret does not decrypt with this key for this account");
        }
    }

    /** The secret cannot be read: wrong key, wrong account, or tampered. The message never contains the secret. */
    public static final class UndecryptableSecretException extends RuntimeException {
        public UndecryptableSecretException(String message) {
            super(message);
        }
    }
}
