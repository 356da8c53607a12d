package io.mailsync.reliability;

import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a Dovecot mailbox fast: thousands of messages written as Maildir files (tmp/, then renamed into cur/ with
 * their flags in the name), owned by the mail uid — where {@code doveadm save} would take ~11 ms each.
 */
final class Maildir {

    record Filled(List<String> messageIds, List<String> seen, List<String> flagged) {
    }

    private Maildir() {
    }

    /** Puts {@code count} messages into the user's INBOX; about one in {@code seenOneIn} is \Seen, some \Flagged. */
    static Filled fill(Dovecot dovecot, MailUser user, int count, Random random, int seenOneIn) {
        String first = Mail.newMessageId("bulk-0");
        dovecot.deliver(user, Mail.text(first, user, "bulk 0")); // creates the maildir
        Path inbox = RawDelivery.directory(dovecot).resolve("mail").resolve(user.login());
        List<String> ids = new ArrayList<>(List.of(first));
        List<String> seen = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        long stamp = System.currentTimeMillis() / 1000;
        try {
            for (int i = 1; i < count; i++) {
                String id = Mail.newMessageId("bulk-" + i);
                ids.add(id);
                StringBuilder flags = new StringBuilder();
                if (random.nextInt(20) == 0) {
                    flags.append('F');
                    flagged.add(id);
                }
                if (random.nextInt(seenOneIn) == 0) {
                    flags.append('S');
                    seen.add(id);
                }
                String name = stamp + ".R" + i + "_" + random.nextInt(1_000_000) + ".reliability";
                Path tmp = inbox.resolve("tmp").resolve(name);
                Files.writeString(tmp, Mail.text(id, user, "bulk " + i), StandardCharsets.UTF_8);
                Files.move(tmp, inbox.resolve("cur").resolve(name + ":2," + flags), StandardCopyOption.ATOMIC_MOVE);
            }
            Process chown = new ProcessBuilder("chown", "-R", "5000:5000", inbox.toString()).inheritIO().start();
            chown.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Filled(ids, seen, flagged);
    }
}
