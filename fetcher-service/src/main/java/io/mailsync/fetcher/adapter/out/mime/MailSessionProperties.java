package io.mailsync.fetcher.adapter.out.mime;

import io.mailsync.events.AccountSpec;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;

/** The Angus session properties every mail protocol shares: timeouts, the guarded sockets, transport security. */
public final class MailSessionProperties {

    private MailSessionProperties() {
    }

    /**
     * For {@code protocol} ({@code imap}, {@code imaps}, {@code pop3}, {@code pop3s}). {@code sockets}: issue 16
     * (SSRF), sockets that refuse internal addresses after DNS resolution; Angus layers TLS over them, with no
     * fallback to an unguarded socket on refusal. Null only where none is configured (then Angus' own).
     */
    public static Properties of(AccountSpec account, String protocol, Duration connectTimeout, Duration readTimeout,
                                SocketFactory sockets) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        if (sockets != null) {
            props.put(p + "socketFactory", sockets);
            props.put(p + "socketFactory.fallback", "false");
        }
        props.put(p + "connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        props.put(p + "timeout", String.valueOf(readTimeout.toMillis()));
        if (account.security() == AccountSpec.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (account.security() != AccountSpec.Security.NONE) {
            props.put(p + "ssl.checkserveridentity", String.valueOf(!account.trustAnyCertificate()));
            if (account.trustAnyCertificate()) {
                props.put(p + "ssl.trust", "*");
            }
        }
        return props;
    }
}
