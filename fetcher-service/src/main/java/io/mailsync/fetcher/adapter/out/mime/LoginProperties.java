package io.mailsync.fetcher.adapter.out.mime;

import io.mailsync.events.HostLogin.Mechanism;
import io.mailsync.fetcher.application.port.out.MailLogin;
import java.util.Properties;

/**
 * How Angus Mail authenticates a login (issue 22), set through its own properties, never by hand-written AUTHENTICATE
 * exchanges: SASL PLAIN with an authorization identity ({@code mail.<p>.sasl.*}, the JDK's PLAIN client; POP3's
 * own PLAIN with {@code mail.pop3.sasl.authorizationid}), Angus' XOAUTH2, and OAUTHBEARER (RFC 7628) through Angus'
 * SASL support with {@link OAuthBearerSasl}. An explicit mechanism the server does not offer fails the login; it never
 * falls back to a plain LOGIN, which for a master credential would log in as the master itself.
 */
public final class LoginProperties {

    private LoginProperties() {
    }

    /** Whether logins of this kind can share one Angus session: Angus reads the authorization id per session. */
    public static boolean shareable(MailLogin login) {
        return login.authorizationId() == null;
    }

    /** Adds what {@code login}'s mechanism needs to the session properties of {@code protocol}. */
    public static Properties add(Properties props, String protocol, MailLogin login) {
        String p = "mail." + protocol + ".";
        boolean pop3 = protocol.startsWith("pop3");
        switch (login.mechanism()) {
            case LOGIN, MASTER_SEPARATOR -> {
                // Angus' defaults, as before issue 22; Dovecot's "user*master" is only a user name
            }
            case PLAIN, MASTER_PLAIN -> {
                if (pop3) {
                    props.put(p + "auth.mechanisms", "PLAIN");
                } else {
                    // the SASL path: no fallback to LOGIN when the server offers no AUTH=PLAIN
                    props.put(p + "sasl.enable", "true");
                    props.put(p + "sasl.mechanisms", "PLAIN");
                }
                if (login.authorizationId() != null) {
                    props.put(p + "sasl.authorizationid", login.authorizationId());
                }
            }
            // Angus' POP3 has no SASL framework and no way to add a mechanism, so a POP3 mailbox of an OAUTHBEARER
            // host presents the same bearer token as XOAUTH2 (issue 22: one host profile serves its IMAP and POP3
            // mailboxes alike); a server that offers no XOAUTH2 over POP3 is an account error saying so, never a
            // fall-back to USER/PASS (Angus has none once auth.mechanisms is set)
            case XOAUTH2 -> xoauth2(props, p);
            case OAUTHBEARER -> {
                if (pop3) {
                    xoauth2(props, p);
                    return props;
                }
                OAuthBearerSasl.register();
                props.put(p + "sasl.enable", "true");
                props.put(p + "sasl.mechanisms", Mechanism.OAUTHBEARER.name());
            }
        }
        return props;
    }

    private static void xoauth2(Properties props, String p) {
        props.put(p + "auth.mechanisms", "XOAUTH2");
        props.put(p + "auth.xoauth2.disable", "false");
    }
}
