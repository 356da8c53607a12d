package io.mailsync.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** What a private Courier instance is made of besides its stock config: the namespace script and userdb lines. */
final class CourierFiles {

    private CourierFiles() {
    }

    /** One userdb line: the mail user's ids, the home and Maildir, the password as {@code {SHA}} (authlib checks it). */
    static String userDbLine(String login, String password, Path home, Path maildir) {
        return login + "\tuid=" + PrivateRoot.mailUid() + "|gid=" + PrivateRoot.mailGid()
                + "|home=" + home + "|mail=" + maildir + "|systempw={SHA}" + sha1(password) + "\n";
    }

    /**
     * The namespace's first process: mounts the extracted /usr over the machine's and this instance's writable /etc
     * and /run, starts authdaemond, the IMAP and the POP3 couriertcpd, and ends them all on SIGTERM.
     */
    static String namespaceScript(Path dir, Path root, int imapPort, int pop3Port) {
        return """
                #!/bin/sh
                set -e
                D=%1$s
                mount -t overlay overlay -o lowerdir=%2$s/usr:/usr /usr
                mount -t overlay overlay -o lowerdir=/etc,upperdir=$D/etc,workdir=$D/etc-work /etc
                mount -t overlay overlay -o lowerdir=/run,upperdir=$D/run,workdir=$D/run-work /run
                mkdir -p /run/courier/authdaemon
                # authdaemond ends its whole process group on SIGTERM: give it its own
                setsid /usr/lib/courier/courier-authlib/authdaemond >$D/authdaemond.out 2>&1 &
                AUTH=$!
                env -i /bin/sh -c 'set -a; . /etc/courier/imapd; . /etc/courier/imapd-ssl; IMAP_STARTTLS=NO; \
                  exec /usr/sbin/couriertcpd -address=127.0.0.1 -maxprocs=500 -maxperip=500 \
                  -nodnslookup -noidentlookup %3$d /usr/lib/courier/courier/imaplogin /usr/bin/imapd Maildir' \
                  >$D/imapd.out 2>&1 &
                IMAP=$!
                env -i /bin/sh -c 'set -a; . /etc/courier/pop3d; . /etc/courier/pop3d-ssl; POP3_STARTTLS=NO; \
                  exec /usr/sbin/couriertcpd -address=127.0.0.1 -maxprocs=200 -maxperip=200 \
                  -nodnslookup -noidentlookup %4$d /usr/lib/courier/courier/courierpop3login \
                  /usr/lib/courier/courier/courierpop3d Maildir' >$D/pop3d.out 2>&1 &
                POP3=$!
                trap 'kill $IMAP $POP3 $AUTH 2>/dev/null; exit 0' TERM INT
                touch /run/courier/ready
                wait
                """.formatted(dir, root, imapPort, pop3Port);
    }

    private static String sha1(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
