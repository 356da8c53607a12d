package io.mailsync.fetcher.adapter.out.mime;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;

/**
 * The OAUTHBEARER mechanism (RFC 7628) as a {@code javax.security.sasl} client, so Angus Mail's own SASL support
 * ({@code mail.imap.sasl.mechanisms}) runs it — the way Angus ships XOAUTH2 ({@code OAuth2SaslClientFactory}); neither
 * Angus nor the JDK ship OAUTHBEARER. Only the message format lives here: Angus sends it (SASL-IR where offered) and
 * reads the server's answer. The user and token come from Angus' callbacks.
 */
final class OAuthBearerSasl {

    private static final String MECHANISM = "OAUTHBEARER";
    private static final String PROVIDER = "mailsync-OAUTHBEARER";

    private OAuthBearerSasl() {
    }

    /** Makes the mechanism known to {@code Sasl.createSaslClient} (once per JVM). */
    static synchronized void register() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BearerProvider());
        }
    }

    private static final class BearerProvider extends Provider {
        BearerProvider() {
            super(PROVIDER, "1.0", "RFC 7628 OAUTHBEARER SASL client");
            putService(new Service(this, "SaslClientFactory", MECHANISM, Factory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new Factory();
                }
            });
        }
    }

    private static final class Factory implements SaslClientFactory {
        @Override
        public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol,
                                           String serverName, Map<String, ?> props, CallbackHandler callbacks)
                throws SaslException {
            for (String mechanism : mechanisms) {
                if (MECHANISM.equals(mechanism)) {
                    return new Client(serverName, callbacks);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[] {MECHANISM};
        }
    }

    private static final class Client implements SaslClient {
        private final String host;
        private final CallbackHandler callbacks;
        private boolean sent;
        private boolean complete;

        Client(String host, CallbackHandler callbacks) {
            this.host = host;
            this.callbacks = callbacks;
        }

        @Override
        public String getMechanismName() {
            return MECHANISM;
        }

        @Override
        public boolean hasInitialResponse() {
            return true;
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
            if (sent) {
                // RFC 7628 §3.2.3: the server's challenge is its error (JSON); the client answers a single %x01 and
                // the server then fails the AUTHENTICATE
                complete = true;
                return new byte[] {1};
            }
            sent = true;
            NameCallback name = new NameCallback("user");
            PasswordCallback token = new PasswordCallback("token", false);
            try {
                callbacks.handle(new Callback[] {name, token});
            } catch (Exception e) {
                throw new SaslException("OAUTHBEARER: no user or token", e);
            }
            // RFC 7628 §3.1: gs2-header "n,a=<saslname>," then kvpairs separated by %x01, ending %x01%x01
            String message = "n,a=" + saslName(name.getName()) + ",\u0001host=" + host + "\u0001auth=Bearer "
                    + new String(token.getPassword()) + "\u0001\u0001";
            token.clearPassword();
            // not complete yet: a failure comes back as a challenge that must still be answered (below)
            return message.getBytes(StandardCharsets.UTF_8);
        }

        /** RFC 5801 §4: ',' and '=' are escaped in a saslname. */
        private static String saslName(String user) {
            return user.replace("=", "=3D").replace(",", "=2C");
        }

        @Override
        public boolean isComplete() {
            return complete;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int len) {
            throw new IllegalStateException("OAUTHBEARER has no security layer");
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int len) {
            throw new IllegalStateException("OAUTHBEARER has no security layer");
        }

        @Override
        public Object getNegotiatedProperty(String propName) {
            return null;
        }

        @Override
        public void dispose() {
            // nothing held: the token was cleared once sent
        }
    }
}
