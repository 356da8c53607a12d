package io.mailsync.interop;

import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;

/** testkit's private {@link Dovecot} (2.3, from the installed Debian packages) behind the {@link MailServer} API. */
public final class DovecotServer implements MailServer {

    private static DovecotServer shared;

    private final Dovecot dovecot;
    private final boolean owned;

    private DovecotServer(Dovecot dovecot, boolean owned) {
        this.dovecot = dovecot;
        this.owned = owned;
    }

    /** testkit's instance shared by this JVM (fails under CI=true, skips elsewhere, if Dovecot is missing). */
    public static synchronized DovecotServer shared() {
        if (shared == null) {
            shared = new DovecotServer(Dovecot.shared(), false);
        }
        return shared;
    }

    /** A new private instance; the caller stops it. */
    public static DovecotServer start() {
        io.mailsync.testkit.Requirements.dovecot();
        return new DovecotServer(Dovecot.start(), true);
    }

    /** The testkit launcher, for doveadm and the log. */
    public Dovecot dovecot() {
        return dovecot;
    }

    @Override
    public String name() {
        return "dovecot";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int imapPort() {
        return dovecot.imapPort();
    }

    @Override
    public int pop3Port() {
        return dovecot.pop3Port();
    }

    @Override
    public MailUser newUser(String prefix, long quotaBytes) {
        return dovecot.newUser(prefix, quotaBytes > 0 ? "*:storage=" + (quotaBytes + 1023) / 1024 + "k" : null);
    }

    @Override
    public void deliver(MailUser user, String rfc822) {
        dovecot.deliver(user, rfc822);
    }

    @Override
    public boolean canResetUidValidity() {
        return true;
    }

    /** {@code doveadm mailbox update --uid-validity}: the old value plus one. */
    @Override
    public void resetUidValidity(MailUser user) {
        String status = dovecot.doveadm("mailbox", "status", "-u", user.login(), "uidvalidity", "INBOX");
        long old = Long.parseLong(status.strip().replaceAll("^.*uidvalidity=(\\d+).*$", "$1"));
        dovecot.doveadm("mailbox", "update", "-u", user.login(), "--uid-validity", Long.toString(old + 1), "INBOX");
    }

    /** Stops a private instance; the shared one lives as long as the JVM. */
    @Override
    public void stop() {
        if (owned) {
            dovecot.close();
        }
    }
}
