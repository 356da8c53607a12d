package io.mailsync.benchmarks;

import io.mailsync.testkit.Dovecot;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where testkit's Dovecot keeps a user's Maildir ({@code mail_location = maildir:DIR/mail/%u}), for filling a
 * mailbox faster than APPEND allows. testkit does not expose its directory, so this reads the private field; the
 * benchmark fails loudly if testkit changes.
 */
final class DovecotFiles {

    private static final int MAIL_UID = 5000;

    private DovecotFiles() {
    }

    static Path maildir(Dovecot dovecot, String login) throws ReflectiveOperationException {
        Field dir = Dovecot.class.getDeclaredField("dir");
        dir.setAccessible(true);
        return ((Path) dir.get(dovecot)).resolve("mail").resolve(login);
    }

    static void chownToMailUser(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", MAIL_UID + ":" + MAIL_UID, path.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("chown of " + path + " failed");
        }
    }
}
