package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.domain.MailboxUsage;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;

/** A mailbox's usage on one logged-in store: the server's quota (RFC 9208) where offered, else the INBOX counted. */
final class ImapUsage {

    private final IMAPStore store;
    private final List<IMAPFolder> opened;
    private final boolean quota;

    /** {@code opened}: the session's open folders, shared with the {@link ImapMailboxConnection} that opens them. */
    ImapUsage(IMAPStore store, List<IMAPFolder> opened, boolean quota) {
        this.store = store;
        this.opened = opened;
        this.quota = quota;
    }

    Optional<MailboxUsage> usage() {
        try {
            if (!quota) {
                return Optional.empty();
            }
            Quota[] roots = opened.isEmpty() ? store.getQuota("INBOX")
                    : (Quota[]) opened.getFirst().doCommand(p -> p.getQuotaRoot("INBOX"));
            return ImapQuota.usage(roots);
        } catch (MessagingException e) {
            if (unreadableAnswer(e)) {
                // the server answered, in a form we cannot read (GreenMail's QUOTA response): no quota, so the
                // INBOX is counted against the provisioned limit — never a reason to drop the session
                return Optional.empty();
            }
            throw ImapFailures.translate("GETQUOTAROOT", e);
        }
    }

    /**
     * The INBOX counted where the server reports no quota: one {@code UID FETCH 1:* (RFC822.SIZE)} read straight
     * from the answer. Not through Angus' messages: they stay in the open folder's cache for the life of the
     * session, a few hundred bytes per message of every mailbox so counted (issue 18, heap per mailbox), and Angus
     * first asks whether the folder is still open with a NOOP of its own.
     */
    Optional<MailboxUsage> inboxSize() {
        IMAPFolder inbox = opened.stream().filter(f -> "INBOX".equalsIgnoreCase(f.getFullName())).findFirst()
                .orElse(null);
        if (inbox == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((MailboxUsage) inbox.doCommand(ImapUsage::sizes));
        } catch (MessagingException | RuntimeException e) {
            // a usage reading is never worth the session: skip this sample; a dead connection shows on the next
            // command the session needs anyway
            return Optional.empty();
        }
    }

    private static MailboxUsage sizes(IMAPProtocol p) throws ProtocolException {
        Response[] responses = p.command("UID FETCH 1:* (RFC822.SIZE)", null);
        long octets = 0;
        long messages = 0;
        List<Response> forAngus = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse f && f.getItem(RFC822SIZE.class) != null) {
                octets += Math.max(0, f.getItem(RFC822SIZE.class).size);
                messages++;
            } else {
                forAngus.add(r);
            }
        }
        ImapFlagCommands.finish(p, responses, forAngus);
        return new MailboxUsage(octets, null, messages, null);
    }

    private static boolean unreadableAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParsingException || (t.getMessage() != null && t.getMessage().contains("parse error"))) {
                return true;
            }
        }
        return false;
    }
}
