package io.mailsync.sync.adapter.out.mime;

/**
 * Bounds on a message header before any parser sees it (issue 16), in one pass: RFC 5322 §2.1.1 allows 998
 * characters per line, and a header is a few kilobytes in practice. Generous multiples of both are accepted; beyond
 * them the message is refused with a reason a person can act on, and nothing is stored.
 */
final class HeaderLimits {

    /** Per physical line: eight times RFC 5322's 998, for clients that fold badly. */
    static final int MAX_LINE = 8 * 1024;
    /** The whole header block. */
    static final int MAX_HEADER = 256 * 1024;
    /**
     * One field, folded lines and all: thousands of recipients fit; a From of comments nested 100k deep (R17's noisy
     * neighbour) is refused before it is parsed, stored and filed.
     */
    static final int MAX_FIELD = 192 * 1024;
    /** Header fields (lines that do not continue the field before them). */
    static final int MAX_FIELDS = 1000;

    private HeaderLimits() {
    }

    /**
     * Checks the header of a CRLF-normalised message; returns the length of the header block including the blank
     * line that ends it (the whole message when it has no body).
     */
    static int check(byte[] message) {
        int fields = 0;
        int lineStart = 0;
        int fieldStart = 0;
        for (int i = 0; i < message.length; i++) {
            if (i - lineStart > MAX_LINE) {
                throw new IllegalArgumentException("a header line of the message is longer than " + MAX_LINE
                        + " bytes (RFC 5322 §2.1.1 allows 998); fold it");
            }
            if (i >= MAX_HEADER) {
                throw new IllegalArgumentException("the message header is larger than " + MAX_HEADER / 1024
                        + " KiB; no mail client writes one that large");
            }
            if (message[i] != '\n') {
                continue;
            }
            if (i - lineStart == 1) { // an empty line (CRLF): the header ends here
                return i + 1;
            }
            if (message[lineStart] != ' ' && message[lineStart] != '\t') {
                if (++fields > MAX_FIELDS) {
                    throw new IllegalArgumentException("the message header has more than " + MAX_FIELDS + " fields");
                }
                fieldStart = lineStart;
            } else if (i - fieldStart > MAX_FIELD) {
                throw new IllegalArgumentException("a header field of the message is longer than " + MAX_FIELD / 1024
                        + " KiB");
            }
            lineStart = i + 1;
        }
        return message.length;
    }
}
