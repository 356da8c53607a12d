package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code mutt} (2.2) in batch mode as another device working on the user's INBOX over IMAP: a muttrc whose last line
 * {@code push}es the keys a person would type, run under {@code script} because mutt needs a terminal. Each call is
 * one mutt session that ends with {@code <sync-mailbox><quit>}, so its changes are on the server when it returns.
 */
public final class MuttClient implements AutoCloseable {

    static final String BINARY = "/usr/bin/mutt";
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path workspace;
    private final String settings;
    private final String mailbox;

    private MuttClient(MailServer server, MailUser user) {
        this.workspace = ClientWorkspace.create("mutt");
        String account = "imap://" + user.login() + "@" + server.host() + ":" + server.imapPort() + "/";
        this.mailbox = account + "INBOX";
        // folder/record/postponed away from ~/Mail: else mutt's first start asks to create it and eats the keys
        this.settings = """
                set imap_user="%1$s"
                set imap_pass="%2$s"
                set folder="%3$s"
                set record=""
                set postponed=""
                set ssl_starttls=no
                set ssl_force_tls=no
                set mail_check=0
                set timeout=0
                set move=no
                set mark_old=no
                set quit=yes
                set delete=yes
                set beep=no
                set sleep_time=0
                set wait_key=no
                set header_cache=""
                set message_cachedir=""
                """.formatted(user.login(), user.password().replace("\"", "\\\""), account);
    }

    public static MuttClient of(MailServer server, MailUser user) {
        ClientWorkspace.require("mutt", BINARY, "apt-get install mutt");
        return new MuttClient(server, user);
    }

    /** Toggles the \Flagged flag ("important") on the messages whose subject contains {@code word}. */
    public void toggleFlag(String word) {
        run("<tag-pattern>~s " + word(word) + "<enter><tag-prefix><flag-message>");
    }

    /** Marks the messages whose subject contains {@code word} as read (\Seen). */
    public void markRead(String word) {
        run("<tag-pattern>~s " + word(word) + "<enter><tag-prefix><clear-flag>N");
    }

    /** Deletes the messages whose subject contains {@code word}; leaving the mailbox expunges them. */
    public void delete(String word) {
        run("<delete-pattern>~s " + word(word) + "<enter>");
    }

    private void run(String keys) {
        // the password stays in the rc file (mode 600); the command line names only files
        Path rc = ClientWorkspace.writePrivate(workspace, "muttrc",
                settings + "push \"" + keys + "<sync-mailbox><quit>\"\n");
        Commands.run(List.of("script", "-q", "-e", "-c", BINARY + " -n -F " + rc + " -f " + mailbox, "/dev/null"),
                Map.of("HOME", workspace.toString(), "TERM", "vt100"), null, workspace);
    }

    private static String word(String word) {
        if (!WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("a subject word for a mutt pattern: letters, digits, - or _");
        }
        return word;
    }

    @Override
    public void close() {
        PrivateRoot.delete(workspace);
    }
}
