package io.mailsync.quota.adapter.out.smtp;

import io.mailsync.quota.application.QuotaAccount;
import io.mailsync.quota.application.port.out.NoticeMailer;
import io.mailsync.quota.domain.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends notices through the ISP's SMTP relay; returns only once the relay accepted the message. */
@Component
class SmtpNoticeMailer implements NoticeMailer {

    private final JavaMailSender sender;
    private final String from;
    private final NoticeTemplates templates = new NoticeTemplates();

    SmtpNoticeMailer(JavaMailSender sender, @Value("${mailsync.quota.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(QuotaAccount account, Notice notice) {
        NoticeTemplates.Rendered rendered = templates.render(account, notice);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            List<String> recipients = account.recipients();
            helper.setTo(recipients.getFirst());
            if (recipients.size() > 1) {
                // issue 23: the people the mailbox is shared with, blind: none learns the others' addresses
                helper.setBcc(recipients.subList(1, recipients.size()).toArray(String[]::new));
            }
            helper.setSubject(rendered.subject());
            helper.setText(rendered.body());
            // lets a reader (and a test) tie the e-mail to the quota.alerts event with the same id
            message.setHeader("X-Mailsync-Notice-Id", notice.id().toString());
            sender.send(message);
        } catch (MailException | MessagingException e) {
            throw new NotAccepted(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
