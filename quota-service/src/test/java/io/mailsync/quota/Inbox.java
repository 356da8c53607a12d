package io.mailsync.quota;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The notice e-mails an SMTP test server received for one address. */
final class Inbox {

    record Mail(String subject, String body, String noticeId, String messageId) {
    }

    private Inbox() {
    }

    static List<Mail> of(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address))
                .map(Inbox::read).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage m) {
        try {
            return new Mail(m.getSubject(), String.valueOf(m.getContent()), m.getHeader("X-Mailsync-Notice-Id", null),
                    m.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
