package io.mailsync.auth.adapter.out.file;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.mailsync.auth.application.port.out.SigningKeyStore;
import io.mailsync.auth.domain.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An RSA key (RS256, 2048 bits) kept as a JWK in {@code mailsync.auth.signing-key-file}: created on first start with
 * owner-only permissions (0600, set as the file is created, so it is never readable by others even briefly) and
 * moved into place whole, so a crash while writing leaves no half key under the real name.
 */
@Component
class FileSigningKeyStore implements SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(FileSigningKeyStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    FileSigningKeyStore(@Value("${mailsync.auth.signing-key-file}") Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized SigningKey loadOrCreate() {
        try {
            return Files.exists(file) ? read() : create();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the signing key at " + file, e);
        }
    }

    private SigningKey read() throws IOException {
        String json = Files.readString(file);
        RSAKey key;
        try {
            key = RSAKey.parse(json);
        } catch (ParseException e) {
            // the parser's message may quote the file, which holds a private key: the cause is left out on purpose
            throw new IllegalStateException("the signing key at " + file + " is not an RSA JSON Web Key; move it "
                    + "away to have a new one made (tokens signed with the old one then stop working)");
        }
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalStateException("the signing key at " + file + " lacks its private part or its key id");
        }
        if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("the signing key at {} was readable by others; now owner-only (0600)", file);
        }
        log.info("signing tokens with key {} from {}", key.getKeyID(), file);
        return new SigningKey(key.getKeyID(), json);
    }

    private SigningKey create() throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).issueTime(new Date()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        FileAttribute<?>[] ownerOnly = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Files.createFile(partial, ownerOnly);
        Files.writeString(partial, key.toJSONString());
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("created signing key {} at {}", key.getKeyID(), file);
        return new SigningKey(key.getKeyID(), key.toJSONString());
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
