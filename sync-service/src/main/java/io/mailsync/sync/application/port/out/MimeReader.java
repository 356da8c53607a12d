package io.mailsync.sync.application.port.out;

import io.mailsync.sync.domain.MessageStructure;
import io.mailsync.sync.domain.PartContent;
import io.mailsync.sync.domain.PartId;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a message's MIME structure from its RFC 822 bytes (issue 20), streaming: a message of any size is read
 * without being held in memory. A message that cannot be parsed is an {@link IllegalStateException}, never a partial
 * answer made up.
 */
public interface MimeReader {

    /** The header, decoded text and HTML bodies, and attachments of the message {@code rfc822} holds. */
    MessageStructure structure(InputStream rfc822);

    /** Part {@code partId}'s content, decoded and spooled to a file; empty when the message has no such part. */
    Optional<PartContent> part(InputStream rfc822, PartId partId);
}
