package io.mailsync.fetcher.adapter.out.pop3;

import io.mailsync.events.mail.Envelope;
import io.mailsync.fetcher.adapter.out.mime.MimeEnvelope;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.Pop3Drop;
import io.mailsync.fetcher.domain.DropEntry;
import io.mailsync.fetcher.domain.MessageSummary;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.eclipse.angus.mail.pop3.POP3Store;

/** One POP3 session: TRANSACTION state until {@link #commit()} (QUIT, deletions applied) or {@link #close()}. */
final class AngusPop3Drop implements Pop3Drop {

    private static final Session PARSING = Session.getInstance(new Properties());

    private final POP3Store store;
    private final POP3Folder inbox;
    private Message[] messages;
    private volatile boolean done;

    AngusPop3Drop(POP3Store store, POP3Folder inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    @Override
    public Optional<Duration> loginDelay() {
        try {
            Map<String, String> capabilities = store.capabilities();
            String delay = capabilities == null ? null : capabilities.get("LOGIN-DELAY");
            if (delay == null) {
                return Optional.empty();
            }
            String[] words = delay.trim().split("\\s+");
            return Optional.of(Duration.ofSeconds(Long.parseLong(words[words.length > 1 ? 1 : 0])));
        } catch (MessagingException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<DropEntry> list() {
        try {
            messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            inbox.fetch(messages, profile);
            List<DropEntry> entries = new ArrayList<>(messages.length);
            for (Message m : messages) {
                String uidl = inbox.getUID(m);
                if (uidl == null) {
                    throw new MailServerException.Unsupported("the POP3 server does not offer UIDL (RFC 1939 §7): "
                            + "messages cannot be told apart across sessions");
                }
                entries.add(new DropEntry(m.getMessageNumber(), uidl, Math.max(0, m.getSize())));
            }
            return entries;
        } catch (MessagingException e) {
            throw AngusPop3Server.translate("UIDL", e);
        }
    }

    @Override
    public MessageSummary headers(DropEntry entry) {
        try {
            POP3Message m = (POP3Message) inbox.getMessage(entry.number());
            MimeMessage headersOnly = new MimeMessage(PARSING, m.top(0));
            return summary(headersOnly, entry.size());
        } catch (MessagingException e) {
            throw AngusPop3Server.translate("TOP " + entry.number(), e);
        }
    }

    @Override
    public byte[] retrieve(DropEntry entry) {
        try (InputStream raw = ((POP3Message) inbox.getMessage(entry.number())).getMimeStream()) {
            return raw.readAllBytes();
        } catch (MessagingException e) {
            throw AngusPop3Server.translate("RETR " + entry.number(), e);
        } catch (IOException e) {
            throw new MailServerException.Unreachable("RETR " + entry.number() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MessageSummary parse(DropEntry entry, byte[] rfc822) {
        try {
            return summary(new MimeMessage(PARSING, new ByteArrayInputStream(rfc822)), rfc822.length);
        } catch (MessagingException e) {
            // not even headers could be read: the message still arrives, with what is known
            return new MessageSummary(null, null, Envelope.EMPTY, null, rfc822.length, null);
        }
    }

    @Override
    public long[] stat() {
        try {
            return new long[] {inbox.getMessageCount(), Math.max(0, inbox.getSize())};
        } catch (MessagingException e) {
            throw AngusPop3Server.translate("STAT", e);
        }
    }

    @Override
    public void delete(DropEntry entry) {
        try {
            inbox.getMessage(entry.number()).setFlag(Flags.Flag.DELETED, true);
        } catch (MessagingException e) {
            throw AngusPop3Server.translate("DELE " + entry.number(), e);
        }
    }

    @Override
    public void commit() {
        if (done) {
            return;
        }
        done = true;
        try {
            inbox.close(true);
            store.close();
        } catch (MessagingException e) {
            throw AngusPop3Server.translate("QUIT", e);
        }
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (inbox.isOpen()) {
                // RSET semantics: nothing marked is deleted when the session is abandoned
                for (Message m : messages == null ? new Message[0] : messages) {
                    if (m.isSet(Flags.Flag.DELETED)) {
                        m.setFlag(Flags.Flag.DELETED, false);
                    }
                }
                inbox.close(false);
            }
            store.close();
        } catch (MessagingException | IllegalStateException ignored) {
            // the session is going away anyway
        }
    }

    /**
     * The envelope, best effort ({@link MimeEnvelope}; nothing here throws). POP3 has no flags, UIDs or internal
     * date, so those are left to the caller.
     */
    private static MessageSummary summary(MimeMessage m, long size) {
        MimeEnvelope envelope = new MimeEnvelope(m, failure -> { });
        return new MessageSummary(null, null, envelope.envelope(), null, size, null);
    }
}
