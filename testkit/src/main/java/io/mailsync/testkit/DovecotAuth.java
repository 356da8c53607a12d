package io.mailsync.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a private {@link Dovecot} lets a trusted service in (issue 22): a master passdb — the master user logs in as any
 * user, by SASL PLAIN with an authorization id or as {@code user*master} — and, where an introspection URL is given,
 * an {@code oauth2} passdb that asks it (RFC 7662, POST) whether an XOAUTH2/OAUTHBEARER bearer token is active and
 * whose it is. {@code auth_verbose} is on, so the log says "Master user logging in as USER".
 *
 * @param masterUser     the master login, or null for none
 * @param masterPassword its password
 * @param introspection  the token introspection endpoint, or null for no oauth2 passdb
 */
public record DovecotAuth(String masterUser, String masterPassword, URI introspection) {

    public static DovecotAuth master(String user, String password) {
        return new DovecotAuth(user, password, null);
    }

    public DovecotAuth withOAuth2(URI introspectionUrl) {
        return new DovecotAuth(masterUser, masterPassword, introspectionUrl);
    }

    /** The settings and passdbs that go before the users' own passdb; writes the files they name into {@code dir}. */
    String render(Path dir) throws IOException {
        StringBuilder conf = new StringBuilder("auth_verbose = yes\n");
        conf.append("auth_mechanisms = plain login").append(introspection == null ? "" : " xoauth2 oauthbearer")
                .append('\n');
        if (masterUser != null) {
            Files.writeString(dir.resolve("masters"), masterUser + ":{PLAIN}" + masterPassword + "\n");
            // pass = yes: the user logged in as must still exist in the users' passdb (Dovecot's master users doc)
            conf.append("""
                    auth_master_user_separator = *
                    passdb {
                      driver = passwd-file
                      master = yes
                      pass = yes
                      args = %s/masters
                    }
                    """.formatted(dir));
        }
        if (introspection != null) {
            Files.writeString(dir.resolve("oauth2.conf"), """
                    introspection_mode = post
                    introspection_url = %s
                    force_introspection = yes
                    username_attribute = username
                    active_attribute = active
                    active_value = true
                    """.formatted(introspection));
            conf.append("""
                    passdb {
                      driver = oauth2
                      mechanisms = xoauth2 oauthbearer
                      args = %s/oauth2.conf
                    }
                    """.formatted(dir));
        }
        return conf.toString();
    }
}
