package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.pop3.POP3Store;

/** Logs in to a server as a fresh user and records what it advertises over IMAP and POP3. */
public final class CapabilityProbe {

    /** The IMAP capabilities the matrix reports, in the order of its columns. */
    public static final List<String> IMAP = List.of(
            "IDLE", "CONDSTORE", "QRESYNC", "QUOTA", "UIDPLUS", "MOVE");
    /** The POP3 CAPA tags the matrix reports. */
    public static final List<String> POP3 = List.of("UIDL", "TOP", "LOGIN-DELAY");

    private CapabilityProbe() {
    }

    public static ServerCapabilities probe(MailServer server) {
        MailUser user = server.newUser("probe", 0);
        try (IMAPStore imap = Stores.imap(server, user); POP3Store pop3 = Stores.pop3(server, user)) {
            Set<String> imapCapabilities = new TreeSet<>();
            for (String capability : IMAP) {
                if (imap.hasCapability(capability)) {
                    imapCapabilities.add(capability);
                }
            }
            Map<String, String> capa = new TreeMap<>();
            Map<String, String> advertised = pop3.capabilities();
            if (advertised != null) {
                advertised.forEach((tag, line) -> capa.put(tag.toUpperCase(Locale.ROOT), line));
            }
            return new ServerCapabilities(server.name(), imapCapabilities, capa);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not probe " + server.name(), e);
        }
    }
}
