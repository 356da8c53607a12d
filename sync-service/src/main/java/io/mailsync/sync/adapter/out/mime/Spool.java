package io.mailsync.sync.adapter.out.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A message copied from its stream to a temporary file and parsed from there: over a {@link SharedFileInputStream}
 * Angus's {@link MimeMessage} and {@code MimeMultipart} keep offsets into the file instead of copying each part into
 * memory, so a 50 MB attachment is never a 50 MB array (issue 20). Closing deletes the file.
 */
final class Spool implements AutoCloseable {

    /** RFC 2231 and RFC 2047 file names, as mail clients write them. */
    private static final Session SESSION = Session.getInstance(properties());

    private final Path file;
    private final SharedFileInputStream in;

    private Spool(Path file, SharedFileInputStream in) {
        this.file = file;
        this.in = in;
    }

    static Spool of(InputStream rfc822) {
        Path file = null;
        try (rfc822) {
            file = Files.createTempFile("mailsync-message-", ".eml");
            Files.copy(rfc822, file, StandardCopyOption.REPLACE_EXISTING);
            return new Spool(file, new SharedFileInputStream(file.toFile()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("the message could not be spooled for reading", e);
        }
    }

    MimeMessage message() {
        try {
            return new MimeMessage(SESSION, in);
        } catch (MessagingException e) {
            throw new IllegalStateException("the message cannot be parsed as MIME: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // the file goes anyway
        }
        deleteQuietly(file);
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        return p;
    }
}
