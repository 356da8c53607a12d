package io.mailsync.sync.adapter.out.mime;

import io.mailsync.sync.application.port.out.MimeReader;
import io.mailsync.sync.domain.MessageStructure;
import io.mailsync.sync.domain.MessageStructure.Attachment;
import io.mailsync.sync.domain.MessageStructure.Header;
import io.mailsync.sync.domain.PartContent;
import io.mailsync.sync.domain.PartId;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Issue 20: a message's structure read with Angus Mail — {@link MimeMessage} over a spooled file ({@link Spool}), the
 * transfer encoding undone by {@code Part.getInputStream()}, the charset by {@link MimeUtility#javaCharset}, encoded
 * words by {@link MimeUtility#decodeText}. The first text/plain and text/html leaves that are not attachments are the
 * bodies (the parts of a multipart/alternative); every other leaf is an attachment, its size counted decoded.
 */
@Component
class AngusMimeReader implements MimeReader {

    /** Characters of a body shown in the structure; a longer body is cut there ({@code truncated}). */
    static final int MAX_BODY_CHARS = 1 << 20;
    /** Header fields listed; the message keeps all of them. */
    static final int MAX_HEADERS = HeaderLimits.MAX_FIELDS;

    @Override
    public MessageStructure structure(InputStream rfc822) {
        try (Spool spool = Spool.of(rfc822)) {
            MimeMessage message = spool.message();
            String[] bodies = new String[2];
            boolean[] truncated = new boolean[1];
            List<Attachment> attachments = new ArrayList<>();
            MimeParts.walk(message, (id, part) -> {
                int body = MimeParts.isAttachment(part) ? -1
                        : part.isMimeType("text/plain") ? 0 : part.isMimeType("text/html") ? 1 : -1;
                if (body >= 0 && bodies[body] == null) {
                    bodies[body] = text(part, truncated);
                } else {
                    attachments.add(new Attachment(id, MimeParts.fileName(part), MimeParts.type(part),
                            decodedSize(part), MimeParts.isInline(part), MimeParts.contentId(part)));
                }
            });
            return new MessageStructure(headers(message), bodies[0], bodies[1], truncated[0], attachments);
        } catch (MessagingException e) {
            throw new IllegalStateException("the message cannot be read as MIME: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<PartContent> part(InputStream rfc822, PartId partId) {
        try (Spool spool = Spool.of(rfc822)) {
            AtomicReference<PartContent> found = new AtomicReference<>();
            MimeParts.walk(spool.message(), (id, part) -> {
                if (id.equals(partId) && found.get() == null) {
                    found.set(spoolPart(part));
                }
            });
            return Optional.ofNullable(found.get());
        } catch (MessagingException e) {
            throw new IllegalStateException("the message cannot be read as MIME: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartContent spoolPart(Part part) throws MessagingException, IOException {
        Path file = Files.createTempFile("mailsync-part-", ".bin");
        try (InputStream decoded = part.getInputStream()) {
            long size = Files.copy(decoded, file, StandardCopyOption.REPLACE_EXISTING);
            return new PartContent(file, size, MimeParts.type(part), MimeParts.fileName(part),
                    MimeParts.isInline(part));
        } catch (IOException | MessagingException | RuntimeException e) {
            Spool.deleteQuietly(file);
            throw e;
        }
    }

    private static String text(Part part, boolean[] truncated) throws MessagingException, IOException {
        try (Reader reader = new InputStreamReader(part.getInputStream(), charset(part))) {
            StringBuilder text = new StringBuilder();
            char[] chunk = new char[8192];
            for (int n; (n = reader.read(chunk)) > 0; ) {
                int room = MAX_BODY_CHARS - text.length();
                text.append(chunk, 0, Math.min(n, room));
                if (n > room) {
                    truncated[0] = true;
                    break;
                }
            }
            return text.toString();
        }
    }

    /** The part's charset (RFC 2045 §5.2: US-ASCII when unsaid); one Java does not know is read as UTF-8. */
    private static Charset charset(Part part) {
        try {
            String named = new ContentType(part.getContentType()).getParameter("charset");
            return Charset.forName(MimeUtility.javaCharset(named == null ? "us-ascii" : named));
        } catch (MessagingException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static long decodedSize(Part part) throws MessagingException, IOException {
        try (InputStream decoded = part.getInputStream()) {
            return decoded.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static List<Header> headers(MimeMessage message) throws MessagingException {
        List<Header> headers = new ArrayList<>();
        for (jakarta.mail.Header h : Collections.list(message.getAllHeaders())) {
            if (headers.size() == MAX_HEADERS) {
                break;
            }
            headers.add(new Header(h.getName(), decoded(h.getValue())));
        }
        return headers;
    }

    private static String decoded(String raw) {
        String unfolded = MimeUtility.unfold(raw == null ? "" : raw).trim();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (java.io.UnsupportedEncodingException e) {
            return unfolded; // an encoded word in a charset Java does not know: shown as it is written
        }
    }
}
