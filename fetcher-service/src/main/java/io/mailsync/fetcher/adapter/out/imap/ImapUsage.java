package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.domain.MailboxUsage;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

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

    Optional<MailboxUsage> inboxSize() {
        IMAPFolder inbox = opened.stream().filter(f -> "INBOX".equalsIgnoreCase(f.getFullName())).findFirst()
                .orElse(null);
        if (inbox == null || !inbox.isOpen()) {
            return Optional.empty();
        }
        try {
            Message[] messages = inbox.getMessages();
            FetchProfile sizes = new FetchProfile();
            sizes.add(FetchProfile.Item.SIZE);
            inbox.fetch(messages, sizes); // one UID FETCH 1:* (RFC822.SIZE)
            long octets = 0;
            for (Message message : messages) {
                octets += Math.max(0, message.getSize());
            }
            return Optional.of(new MailboxUsage(octets, null, (long) messages.length, null));
        } catch (MessagingException | RuntimeException e) {
            // a usage reading is never worth the session: skip this sample; a dead connection shows on the next
            // command the session needs anyway
            return Optional.empty();
        }
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
