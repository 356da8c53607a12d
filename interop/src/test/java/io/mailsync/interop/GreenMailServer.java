package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/** testkit's in-process GreenMail behind the {@link MailServer} API (one per JVM: {@link #stop()} leaves it up). */
public final class GreenMailServer implements MailServer {

    private static final GreenMailServer INSTANCE = new GreenMailServer();

    private GreenMailServer() {
    }

    public static GreenMailServer shared() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "greenmail";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int imapPort() {
        return GreenMailKit.imapPort();
    }

    @Override
    public int pop3Port() {
        return GreenMailKit.pop3Port();
    }

    /** GreenMail has no provisioning API for quotas: the user sets their own over IMAP (SETQUOTA, STORAGE only). */
    @Override
    public MailUser newUser(String prefix, long quotaBytes) {
        MailUser user = GreenMailKit.newUser(prefix);
        if (quotaBytes > 0) {
            try (IMAPStore store = Stores.imap(this, user)) {
                // GreenMail keys quotas by user + root: root INBOX is what GETQUOTAROOT INBOX finds
                Quota quota = new Quota("INBOX");
                quota.setResourceLimit("STORAGE", (quotaBytes + 1023) / 1024);
                store.setQuota(quota);
            } catch (MessagingException e) {
                throw new IllegalStateException("GreenMail refused SETQUOTA", e);
            }
        }
        return user;
    }

    @Override
    public void deliver(MailUser user, String rfc822) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)));
            GreenMailKit.server().getUserManager().getUser(user.login()).deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // shared by every test in this JVM; testkit stops it at shutdown
    }
}
