package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.AccountSpec;
import io.mailsync.fetcher.adapter.out.mime.LoginProperties;
import io.mailsync.fetcher.adapter.out.mime.MailSessionProperties;
import io.mailsync.fetcher.application.port.out.ConnectionTimeouts;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.support.net.MailServerPolicy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.SocketFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Logs in to IMAP servers (IMAPS, STARTTLS or, where the account says so, plaintext). */
@Component
class ImapMailServer implements MailServer {

    /**
     * Angus starts a platform thread per event queue unless this executor is given (ENVIRONMENT.md); and one queue
     * for the JVM ({@code mail.event.scope=application}) instead of one per store, whose dispatcher stays parked for
     * the life of the connection (issue 18, P3: a virtual thread's stack per IDLE session). The only listener is
     * {@link ImapMailboxConnection}'s, which notes an error and returns.
     */
    private static final ExecutorService EVENTS = Executors.newVirtualThreadPerTaskExecutor();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration answerTimeout;

    private final Runnable idleWakeUp;
    /**
     * Issue 16 (SSRF): sockets that refuse internal addresses after DNS resolution (the JDK's own where no policy is
     * given), kept so that a session's connection can be cut from any thread.
     */
    private final ImapSockets sockets;
    private final Map<List<Object>, Session> sessions = new ConcurrentHashMap<>();

    @Autowired
    ImapMailServer(ConnectionTimeouts timeouts, MeterRegistry meters, MailServerPolicy policy) {
        this(timeouts.connect(), timeouts.read(), timeouts.answer(),
                meters.counter("mailsync.fetcher.idle.wakeups")::increment, policy.socketFactory());
    }

    ImapMailServer(Duration connectTimeout, Duration readTimeout, Duration answerTimeout, Runnable idleWakeUp) {
        this(connectTimeout, readTimeout, answerTimeout, idleWakeUp, null);
    }

    ImapMailServer(Duration connectTimeout, Duration readTimeout, Duration answerTimeout, Runnable idleWakeUp,
                   SocketFactory sockets) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.answerTimeout = answerTimeout;
        this.idleWakeUp = idleWakeUp;
        this.sockets = new ImapSockets(sockets != null ? sockets : SocketFactory.getDefault());
    }

    @Override
    public MailboxConnection connect(MailLogin login) {
        AccountSpec account = login.account();
        String protocol = account.security() == AccountSpec.Security.SSL ? "imaps" : "imap";
        // one Session per configuration, not per login: Session.getInstance loads the providers anew each time
        // (issue 18, P8: a few ms of every connection, and heap per session); the key is all properties() reads
        // issue 22: a login acting as the mailbox's user (an authorization id) needs a session of its own
        Session session = LoginProperties.shareable(login) ? sessions.computeIfAbsent(
                List.of(protocol, account.security(), account.trustAnyCertificate(), login.mechanism()),
                key -> Session.getInstance(properties(login, protocol)))
                : Session.getInstance(properties(login, protocol));
        try {
            Store store = session.getStore(protocol);
            store.connect(account.host(), account.port(), login.user(), login.secret());
            // issue 22: a budgeted host counts one connection per mailbox, so the mailbox never opens a second
            boolean oneConnection = account.hostLogin() != null && account.hostLogin().connectionBudget() != null;
            return new ImapMailboxConnection((org.eclipse.angus.mail.imap.IMAPStore) store, idleWakeUp, answerTimeout,
                    oneConnection, sockets);
        } catch (MessagingException e) {
            throw ImapFailures.translate("login to " + account.host() + ":" + account.port(), e);
        }
    }

    private Properties properties(MailLogin login, String protocol) {
        AccountSpec account = login.account();
        // IDLE is quiet for up to the renewal interval, so the read timeout outlasts it; any command that waits
        // longer for a byte is on a dead connection (a black hole mid-FETCH), and the session reconnects
        Properties props = MailSessionProperties.of(account, protocol, connectTimeout, readTimeout, sockets);
        String p = "mail." + protocol + ".";
        props.put("mail.event.executor", EVENTS);
        props.put("mail.event.scope", "application");
        // reading a message must never mark it \Seen: only a device's own change does (DESIGN.md write-back)
        props.put(p + "peek", "true");
        props.put(p + "partialfetch", "false");
        // issue 15: every response to the store's listeners, so an untagged NO/BAD (a server-side error that leaves
        // the connection open but the mailbox unsynced) ends the session's wait instead of going unnoticed
        props.put(p + "enableresponseevents", "true");
        // Angus sleeps this long (10 ms by default) each time an IDLE ends, so that an application calling idle() in
        // a tight loop lets other threads at the folder: every new mail, flag change and write-back waited 10 ms
        // for it (issue 18, P6). The session does its own commands between two IDLEs, and a wake-up from another
        // thread is retried until the session has seen it (ImapWaiter), so nothing needs the pause.
        props.put(p + "minidletime", "0");
        return LoginProperties.add(props, protocol, login);
    }
}
