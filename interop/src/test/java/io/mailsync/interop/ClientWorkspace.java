package io.mailsync.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A private folder (mode 700) for one mail client's config, state and local mail; its files are mode 600. */
final class ClientWorkspace {

    private ClientWorkspace() {
    }

    static Path create(String client) {
        try {
            return Files.createTempDirectory("mailsync-" + client + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file only its owner can read: configs here hold passwords, which never go on a command line. */
    static Path writePrivate(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void require(String client, String binary, String why) {
        PrivateRoot.require(Files.isExecutable(Path.of(binary)), client + " (" + why + ")");
    }
}
