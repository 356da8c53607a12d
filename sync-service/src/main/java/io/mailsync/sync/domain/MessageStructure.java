package io.mailsync.sync.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a message holds, read from its MIME structure (issue 20): its header fields, its text and HTML bodies decoded
 * to text (charset and transfer encoding undone; null where it has none; cut at a bound, said by {@code truncated}),
 * and its attachments.
 */
public record MessageStructure(List<Header> headers, String textBody, String htmlBody, boolean truncated,
                               List<Attachment> attachments) {

    public MessageStructure {
        headers = List.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    /** One header field as it reads, encoded words (RFC 2047) decoded. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A part that is not one of the bodies.
     *
     * @param size      octets after the transfer encoding is undone (what a download delivers)
     * @param inline    shown within the message ({@code Content-Disposition: inline}, e.g. an image the HTML cites
     *                  by {@code contentId}) rather than offered as a file
     * @param contentId the part's Content-ID without angle brackets; null for none
     */
    public record Attachment(PartId partId, String name, String type, long size, boolean inline, String contentId) {
        public Attachment {
            Objects.requireNonNull(partId, "partId");
            Objects.requireNonNull(type, "type");
        }
    }
}
