import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Issue 18, P2: what reading N messages the way the fetcher does costs a bare Angus client on a private Dovecot —
 * the batched envelope FETCH, then {@code getHeader("Cc")} for each message without Cc (what
 * {@code ImapMessageReader.addresses} does: one {@code BODY.PEEK[HEADER.FIELDS (Cc)]} round trip each), then
 * {@code getMessagesByUID(from, MAXUID)} once per batch of 200 (what {@code ImapRemoteFolder.messagesFrom} does).
 * <pre>java -cp "$(cat cp)" HeaderCost.java 10000</pre>
 */
public class HeaderCost {

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        Dovecot dovecot = Dovecot.start();
        MailUser user = dovecot.newUser("hc", null);
        Field dir = Dovecot.class.getDeclaredField("dir");
        dir.setAccessible(true);
        Path maildir = ((Path) dir.get(dovecot)).resolve("mail").resolve(user.login());
        for (String sub : List.of("new", "cur", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        for (int k = 0; k < n; k++) {
            Files.writeString(maildir.resolve("new").resolve(k + ".M" + k + "P1.hc"),
                    MailText.withMessageId("<hc-" + k + "@bench.test>", "A <a@bench.test>", user.address(), "S " + k,
                            "body " + k));
        }
        new ProcessBuilder("chown", "-R", "5000:5000", maildir.toString()).inheritIO().start().waitFor();
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(dovecot.imapPort()));
        p.put("mail.imap.peek", "true");
        for (int round = 0; round < 3; round++) {
            IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
            store.connect(user.login(), user.password());
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] all = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            long t0 = System.nanoTime();
            inbox.fetch(all, profile);
            long t1 = System.nanoTime();
            int withoutCc = 0;
            for (Message m : all) {
                if (m.getRecipients(Message.RecipientType.CC) == null) {
                    m.getHeader("Cc");
                    withoutCc++;
                }
            }
            long t2 = System.nanoTime();
            for (long from = 1; from <= n; from += 200) {
                inbox.getMessagesByUID(from, UIDFolder.MAXUID);
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: envelope FETCH of %d: %.0f ms; %d getHeader(\"Cc\"): %.0f ms (%.3f ms each); "
                    + "getMessagesByUID(from, MAXUID) x %d: %.0f ms%n", round, n, (t1 - t0) / 1e6, withoutCc,
                    (t2 - t1) / 1e6, (t2 - t1) / 1e6 / Math.max(1, withoutCc), (n + 199) / 200, (t3 - t2) / 1e6);
            inbox.close(false);
            store.close();
        }
        dovecot.close();
        System.exit(0);
    }
}
