package io.mailsync.testkit;

import java.nio.file.Path;

/**
 * A private Dovecot's configuration (see ENVIRONMENT.md for why each setting is there): everything under its own
 * directory, plaintext on loopback only, users and quotas from a passwd-file, the SPECIAL-USE folders every user
 * gets, QUOTA for IMAP, and POP3 UIDLs made of UID and UIDVALIDITY.
 */
final class DovecotConfig {

    private DovecotConfig() {
    }

    static String render(Path dir, int mailUid, int imapPort, int pop3Port) {
        return render(dir, mailUid, imapPort, pop3Port, "auth_mechanisms = plain login\n");
    }

    /** {@code auth}: the mechanisms line and any passdbs before the users' own (issue 22, {@link DovecotAuth}). */
    static String render(Path dir, int mailUid, int imapPort, int pop3Port, String auth) {
        return """
                base_dir = %1$s/run
                state_dir = %1$s/state
                instance_name = mailsync-%2$s
                log_path = %1$s/dovecot.log
                info_log_path = %1$s/dovecot.log
                listen = 127.0.0.1
                protocols = imap pop3
                ssl = no
                disable_plaintext_auth = no
                %9$sauth_failure_delay = 0
                login_trusted_networks = 127.0.0.0/8
                mail_location = maildir:%1$s/mail/%%u
                mail_uid = %3$d
                mail_gid = %3$d
                first_valid_uid = 1000
                first_valid_gid = 1000
                mail_plugins = $mail_plugins quota
                namespace inbox {
                  inbox = yes
                  mailbox "%6$s" {
                    special_use = \\Sent
                    auto = subscribe
                  }
                  mailbox "%7$s" {
                    special_use = \\Drafts
                    auto = subscribe
                  }
                  mailbox "%8$s" {
                    special_use = \\Trash
                    auto = subscribe
                  }
                }
                passdb {
                  driver = passwd-file
                  args = %1$s/users
                }
                userdb {
                  driver = passwd-file
                  args = %1$s/users
                }
                service imap-login {
                  # high-performance mode, as ISPs run it: long-lived login processes instead of one fork per
                  # connection, so a failover's burst of logins is not slowed by forking (issue 15, R14)
                  service_count = 0
                  process_min_avail = 2
                  inet_listener imap {
                    port = %4$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = %5$d
                  }
                  inet_listener pop3s {
                    port = 0
                  }
                }
                protocol imap {
                  mail_plugins = $mail_plugins imap_quota
                  mail_max_userip_connections = 1000
                }
                protocol pop3 {
                  pop3_uidl_format = %%08Xu%%08Xv
                }
                plugin {
                  quota = count:User quota
                  quota_vsizes = yes
                }
                """.formatted(dir, dir.getFileName(), mailUid, imapPort, pop3Port, Dovecot.SENT, Dovecot.DRAFTS,
                Dovecot.TRASH, auth);
    }
}
