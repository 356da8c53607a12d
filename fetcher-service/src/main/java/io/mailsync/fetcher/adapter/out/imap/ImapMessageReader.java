package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.adapter.out.mime.MimeEnvelope;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.domain.MessageSummary;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Reads a message's envelope best effort ({@link MimeEnvelope}): a field that cannot be parsed is left empty or
 * taken raw and never stops the session; a lost connection does, so nothing is announced half-read.
 */
final class ImapMessageReader {

    private ImapMessageReader() {
    }

    static MessageSummary read(Message m, long uid) {
        MimeEnvelope envelope = new MimeEnvelope(m, ImapMessageReader::lostConnection);
        return new MessageSummary(new Uid(uid), null, envelope.envelope(), envelope.receivedAt(), size(m, envelope),
                keywords(m, envelope));
    }

    /** A lost connection is not a malformed message: the session reconnects. */
    private static void lostConnection(MessagingException e) {
        if (ImapFailures.translate("read message", e) instanceof MailServerException.Unreachable lost) {
            throw lost;
        }
    }

    private static long size(Message m, MimeEnvelope envelope) {
        Integer size = envelope.attempt(m::getSize);
        if (m instanceof IMAPMessage imap && (size == null || size < 0)) {
            Long big = envelope.attempt(imap::getSizeLong);
            return big == null ? 0 : Math.max(0, big);
        }
        return size == null ? 0 : Math.max(0, size);
    }

    private static Set<Keyword> keywords(Message m, MimeEnvelope envelope) {
        Flags flags = envelope.attempt(m::getFlags);
        return flags == null ? Set.of() : ImapFlagCommands.keywords(flags);
    }
}
