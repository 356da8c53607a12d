package io.mailsync.benchmarks;

import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    /**
     * Writes {@code count} messages straight into the user's Maildir {@code new/} (owned by the mail uid), as a
     * delivery agent would — an APPEND per message costs 25 ms on a busy machine. Dovecot indexes them on the first
     * SELECT. Each file's time is its received time (Dovecot's INTERNALDATE), a second apart as in a real mailbox,
     * the last message the newest. Answers their Message-IDs in order, as {@link Listing#key}s.
     */
    static List<String> fill(Dovecot dovecot, MailUser user, int count, String prefix) throws Exception {
        Path maildir = maildir(dovecot, user.login());
        for (String sub : List.of("new", "cur", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        long now = System.currentTimeMillis() / 1000;
        List<String> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String id = "<" + prefix + "-" + k + "-" + UUID.randomUUID() + "@bench.test>";
            ids.add(Listing.key(id));
            String text = MailText.withMessageId(id, "Sender " + (k % 97) + " <s" + (k % 97) + "@sender.test>",
                    user.address(), prefix + " message " + k, "body of message " + k + "\r\n" + "x".repeat(200 + k % 800));
            Path file = maildir.resolve("new").resolve((now - count + k) + ".M" + k + "P1." + prefix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(now - count + k, TimeUnit.SECONDS));
        }
        chownToMailUser(maildir);
        return ids;
    }

    static void chownToMailUser(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", MAIL_UID + ":" + MAIL_UID, path.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("chown of " + path + " failed");
        }
    }
}
