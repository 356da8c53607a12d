package io.mailsync.sync.adapter.out.mime;

import io.mailsync.testkit.LinearTime;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every header parser reachable from {@code /sent} and {@code /drafts} runs in linear time (issue 16: the regular
 * expressions before took ~9 s for a {@code To:} of 80k commas). Each input stays within {@link HeaderLimits}, which
 * itself is timed on inputs it refuses. Doubling the input may cost at most ~2.5× ({@link LinearTime}).
 */
class HeaderParsersLinearTimeTest {

    private final AngusMessageParser parser = new AngusMessageParser();

    private void parse(byte[] message) {
        parser.parse(message, "mailsync.invalid");
    }

    /** A header field folded over lines of about 70 characters, as clients write long fields. */
    private static byte[] folded(String name, String unit, int units, String rest) {
        StringBuilder header = new StringBuilder(name).append(": ");
        int line = 0;
        for (int i = 0; i < units; i++) {
            header.append(unit);
            line += unit.length();
            if (line > 70) {
                header.append("\r\n ");
                line = 0;
            }
        }
        return (header + "\r\n" + rest + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Folds a field value: CRLF and a space after every 70 characters. */
    private static String fold(String value) {
        StringBuilder out = new StringBuilder(value.length() + value.length() / 20);
        for (int i = 0; i < value.length(); i += 70) {
            out.append(value, i, Math.min(value.length(), i + 70));
            if (i + 70 < value.length()) {
                out.append("\r\n ");
            }
        }
        return out.toString();
    }

    private static byte[] message(String header) {
        return (header + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void addressListsOfManyRecipients() {
        LinearTime.assertLinear("To: with n addresses", n -> folded("To", "Rcpt <r@example.com>, ", n, "Subject: x"),
                4_000, this::parse);
    }

    @Test
    void addressListsOfCommasOnly() {
        LinearTime.assertLinear("To: with n commas", n -> folded("To", ",", n, "Subject: x"), 60_000, this::parse);
    }

    @Test
    void deeplyNestedCommentsInAnAddress() {
        LinearTime.assertLinear("From: with comments nested n deep", n -> message("From: " + fold("a@example.com "
                + "(".repeat(n) + ")".repeat(n))), 30_000, this::parse);
    }

    @Test
    void quotedStringsWithCommas() {
        LinearTime.assertLinear("To: with n quoted names holding commas",
                n -> folded("To", "\"Doe, J.\" <j@example.com>, ", n, ""), 3_000, this::parse);
    }

    @Test
    void dates() {
        LinearTime.assertLinear("Date: with n comments", n -> message("Date: " + fold("Tue, 1 Dec 2026 12:30:00 +0100 "
                + "(zone) ".repeat(n))), 10_000, this::parse);
    }

    @Test
    void encodedWordSubjects() {
        LinearTime.assertLinear("Subject: of n encoded words",
                n -> folded("Subject", "=?UTF-8?Q?J=C3=BCrgen?= ", n, ""), 3_500, this::parse);
    }

    @Test
    void manyHeaderFields() {
        LinearTime.assertLinear("n header fields", n -> ("X-Field: value value value value\r\n".repeat(n)
                + "\r\nbody").getBytes(StandardCharsets.US_ASCII), 480, this::parse);
    }

    /**
     * Below its 8 KiB limit a scan takes microseconds, too little to time one at a time on a loaded machine (this
     * failed once at load 5): each timed call checks the line 256 times.
     */
    @Test
    void theLimitCheckOnAMegabyteLine() {
        LinearTime.assertLinear("HeaderLimits on one line of n bytes (refused)",
                n -> ("Subject: " + "x".repeat(n)).getBytes(StandardCharsets.US_ASCII), 4_000, message -> {
                    for (int i = 0; i < 256; i++) {
                        try {
                            HeaderLimits.check(message);
                        } catch (IllegalArgumentException expected) {
                            // refused once past 8 KiB: the check stops there, so the time is bounded as well
                        }
                    }
                });
    }
}
