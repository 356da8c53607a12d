package io.mailsync.fetcher.adapter.out.pop3;

import io.mailsync.events.AccountSpec;
import io.mailsync.fetcher.adapter.out.mime.LoginProperties;
import io.mailsync.fetcher.adapter.out.mime.MailSessionProperties;
import io.mailsync.fetcher.application.port.out.ConnectionTimeouts;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.Pop3Drop;
import io.mailsync.fetcher.application.port.out.Pop3Server;
import io.mailsync.support.net.MailServerPolicy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Store;
import org.springframework.stereotype.Component;

/** Logs in to POP3 servers (POP3S, STLS or, where the account says so, plaintext). */
@Component
class AngusPop3Server implements Pop3Server {

    /** Angus' answer when {@code mail.pop3.auth.mechanisms} and the server's CAPA SASL have nothing in common. */
    private static final String NO_COMMON = "No authentication mechanisms supported by both server and client";

    private final Duration connectTimeout;
    private final Duration readTimeout;
    /** Issue 16 (SSRF): sockets that refuse internal addresses after DNS resolution. */
    private final SocketFactory sockets;

    AngusPop3Server(ConnectionTimeouts timeouts, MailServerPolicy policy) {
        this.connectTimeout = timeouts.connect();
        this.readTimeout = Duration.ofMinutes(2);
        this.sockets = policy.socketFactory();
    }

    @Override
    public Pop3Drop connect(MailLogin login) {
        AccountSpec account = login.account();
        String protocol = account.security() == AccountSpec.Security.SSL ? "pop3s" : "pop3";
        Session session = Session.getInstance(LoginProperties.add(properties(account, protocol), protocol, login));
        try {
            POP3Store store = (POP3Store) session.getStore(protocol);
            store.connect(account.host(), account.port(), login.user(), login.secret());
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            return new AngusPop3Drop(store, inbox);
        } catch (MessagingException e) {
            throw translate("login to " + account.host() + ":" + account.port(), e);
        }
    }

    static MailServerException translate(String what, MessagingException e) {
        if (e instanceof AuthenticationFailedException && String.valueOf(e.getMessage()).startsWith(NO_COMMON)) {
            // not a refused credential: the server's AUTH offers none of the host's mechanisms (CAPA SASL)
            return new MailServerException.Unsupported(what + ": the POP3 server offers none of the login "
                    + "mechanisms of the host profile (an OAuth host needs SASL XOAUTH2 over POP3)");
        }
        if (e instanceof AuthenticationFailedException) {
            return new MailServerException.AuthenticationFailed(what + ": credentials refused", e);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof jakarta.mail.FolderClosedException
                    || t instanceof jakarta.mail.StoreClosedException) {
                return new MailServerException.Unreachable(what + ": " + e.getMessage(), e);
            }
        }
        return new MailServerException(what + ": " + e.getMessage(), e);
    }

    private Properties properties(AccountSpec account, String protocol) {
        return MailSessionProperties.of(account, protocol, connectTimeout, readTimeout, sockets);
    }
}
