package io.mailsync.interop;

import java.nio.file.Path;

/** The two files a private Cyrus instance runs from: imapd.conf (the servers) and cyrus.conf (the master). */
final class CyrusConfig {

    private CyrusConfig() {
    }

    static String imapdConf(Path dir, String admin) {
        return """
                configdirectory: %1$s/conf
                partition-default: %1$s/spool
                defaultpartition: default
                sievedir: %1$s/sieve
                admins: %2$s
                proxyservers: %5$s
                cyrus_user: %3$s
                sasl_pwcheck_method: auxprop
                sasl_auxprop_plugin: sasldb
                sasl_sasldb_path: %1$s/sasldb2
                sasl_mech_list: PLAIN LOGIN
                allowplaintext: yes
                unixhierarchysep: no
                altnamespace: no
                idlesocket: %1$s/socket/idle
                lmtpsocket: %1$s/socket/lmtp
                notifysocket: %1$s/socket/notify
                master_pid_file: %1$s/run/master.pid
                syslog_prefix: mailsync-cyrus-%4$s
                popminpoll: 0
                """.formatted(dir, admin, PrivateRoot.MAIL_USER, dir.getFileName(), CyrusServer.PROXY);
    }

    /** The master does not pass its -C on: every command carries its own. */
    static String cyrusConf(Path dir, Path bin, int imapPort, int pop3Port) {
        String conf = " -C " + dir.resolve("imapd.conf");
        return """
                START {
                  recover cmd="%1$s/ctl_cyrusdb%2$s -r"
                }
                SERVICES {
                  imap cmd="%1$s/imapd%2$s" listen="127.0.0.1:%3$d" prefork=0 maxchild=500
                  pop3 cmd="%1$s/pop3d%2$s" listen="127.0.0.1:%4$d" prefork=0 maxchild=200
                  lmtpunix cmd="%1$s/lmtpd%2$s" listen="%5$s/socket/lmtp" prefork=0 maxchild=20
                }
                EVENTS {
                }
                DAEMON {
                  idled cmd="%1$s/idled%2$s"
                }
                """.formatted(bin, conf, imapPort, pop3Port, dir);
    }
}
