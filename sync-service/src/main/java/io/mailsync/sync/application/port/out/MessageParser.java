package io.mailsync.sync.application.port.out;

import io.mailsync.sync.domain.SentMessage;

/**
 * Reads a message a device sends as {@code message/rfc822} ({@code /sent}, {@code /drafts}) into what is filed: CRLF
 * line ends, a Message-ID added if missing, the envelope from the header. Time linear in the size of the message
 * (issue 16); a header beyond the limits an RFC 5322 message keeps is refused with an
 * {@link IllegalArgumentException} whose message a person can act on.
 */
public interface MessageParser {

    /** @param idDomain the domain of a Message-ID made up for a message without one */
    SentMessage parse(byte[] rfc822, String idDomain);
}
