package io.mailsync.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * R6's malformed messages, made here rather than stored: each is named for what is wrong with it and carries a
 * marker in its subject or body so the test can find its event.
 */
final class Corpus {

    private Corpus() {
    }

    static Map<String, byte[]> messages(String to, int attachmentMegabytes) {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("broken-boundary", ascii(headers("<bb@r6>", to, "broken boundary")
                + "Content-Type: multipart/mixed; boundary=\"AAA\"\r\n\r\n--AAA\r\nContent-Type: text/plain\r\n\r\n"
                + "first part\r\n--BBB\r\nContent-Type: text/html\r\n\r\n<p>never closed\r\n"));
        corpus.put("missing-boundary-param", ascii(headers("<mb@r6>", to, "no boundary parameter")
                + "Content-Type: multipart/alternative\r\n\r\n--x\r\n\r\nbody\r\n--x--\r\n"));
        corpus.put("8bit-utf8-headers", bytes(headers("<u8@r6>", to, "Grüße aus Köln — 日本語")
                .replace("From: Sender", "From: Jürgen Müller"), "Content-Type: text/plain\r\n\r\nbody\r\n"));
        corpus.put("mis-encoded-headers", concat(ascii("Message-ID: <me@r6>\r\nFrom: sender@reliability.test\r\nTo: "
                + to + "\r\nSubject: =?UTF-8?B?not*base64!?= =?x-unknown?Q?=FF=FE?= raw "),
                new byte[] {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3, 0x28, (byte) 0x80},
                ascii("\r\nDate: Mon, 32 Foo 2026 99:99:99 +9999\r\nContent-Type: text/plain; charset=\"bogus-charset\""
                        + "\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ broken =\r\nqp =C3\r\n")));
        corpus.put("no-message-id", ascii("From: sender@reliability.test\r\nTo: " + to + "\r\nSubject: no message id"
                + "\r\nDate: Thu, 26 Nov 2026 08:00:00 +0000\r\n\r\nbody\r\n"));
        corpus.put("no-date", ascii("Message-ID: <nd@r6>\r\nFrom: sender@reliability.test\r\nTo: " + to
                + "\r\nSubject: no date\r\n\r\nbody\r\n"));
        corpus.put("no-headers-at-all", ascii("\r\njust a body, no header block\r\n"));
        corpus.put("garbage-header-lines", ascii("Message-ID: <gh@r6>\r\nthis is not a header\r\n: empty name\r\n"
                + "From: <<<@@@>>>\r\nTo: ,,,;;;\r\nCc: \"unterminated <x@y\r\nSubject: garbage headers\r\n\r\nbody\r\n"));
        corpus.put("very-long-header-line", ascii(headers("<lh@r6>", to, "long " + "x".repeat(200_000))
                + "Content-Type: text/plain\r\n\r\nbody\r\n"));
        corpus.put("nested-multipart-100", ascii(headers("<nm@r6>", to, "nested 100 deep") + nested(100)));
        corpus.put("big-attachment-" + attachmentMegabytes + "MB", big(to, attachmentMegabytes));
        return corpus;
    }

    private static String headers(String messageId, String to, String subject) {
        return "Message-ID: " + messageId + "\r\nDate: Thu, 26 Nov 2026 08:00:00 +0000\r\nFrom: Sender "
                + "<sender@reliability.test>\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n";
    }

    private static String nested(int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        open.append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth; i++) {
            open.append("--b").append(i).append("\r\n");
            if (i + 1 < depth) {
                open.append("Content-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
            } else {
                open.append("Content-Type: text/plain\r\n\r\nthe innermost part\r\n");
            }
            close.insert(0, "--b" + i + "--\r\n");
        }
        return open + close.toString();
    }

    private static byte[] big(String to, int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * 1_400_000);
        out.writeBytes(ascii(headers("<big@r6>", to, "attachment of " + megabytes + " MB")
                + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\n"
                + "see attached\r\n--big\r\nContent-Type: application/octet-stream; name=\"blob.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"blob.bin\"\r\n\r\n"));
        byte[] chunk = new byte[57 * 1000];
        Random random = new Random(8);
        Base64.Encoder encoder = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
        long remaining = megabytes * 1024L * 1024L;
        while (remaining > 0) {
            random.nextBytes(chunk);
            int n = (int) Math.min(chunk.length, remaining);
            out.writeBytes(encoder.encode(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n)));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            remaining -= n;
        }
        out.writeBytes(ascii("--big--\r\n"));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String head, String rest) {
        return (head + rest).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
