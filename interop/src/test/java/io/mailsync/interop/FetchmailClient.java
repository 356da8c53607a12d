package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fetchmail} (6.4) as another device taking the same user's mail over POP3, with {@code keep} (leave it on
 * the server) or without. It remembers by UIDL what it took (its {@code .fetchids}), so each run takes only new mail.
 * What it takes is written to a BSMTP file in its workspace instead of a local MTA.
 */
public final class FetchmailClient implements AutoCloseable {

    static final String BINARY = "/usr/bin/fetchmail";
    /** fetchmail's exit status when the server had no new mail: not a failure. */
    private static final int NO_MAIL = 1;

    private final Path workspace;
    private final Path rc;
    private final Path delivered;

    private FetchmailClient(MailServer server, MailUser user, boolean keep) {
        this.workspace = ClientWorkspace.create("fetchmail");
        this.delivered = workspace.resolve("delivered.bsmtp");
        // user and password in the rc file (mode 600, which fetchmail insists on), never on the command line
        this.rc = ClientWorkspace.writePrivate(workspace, "fetchmailrc", """
                set no syslog
                set no bouncemail
                poll %1$s service %2$d protocol POP3 uidl auth password
                  user "%3$s" password "%4$s"
                  sslproto ''
                  %5$s
                  bsmtp %6$s
                """.formatted(server.host(), server.pop3Port(), user.login(), user.password(),
                keep ? "keep" : "nokeep", delivered));
    }

    /** A device for {@code user} that leaves the mail it takes on the server (fetchmail's {@code keep}). */
    public static FetchmailClient keeping(MailServer server, MailUser user) {
        ClientWorkspace.require("fetchmail", BINARY, "apt-get install fetchmail");
        return new FetchmailClient(server, user, true);
    }

    /** A device for {@code user} that deletes from the server what it took. */
    public static FetchmailClient deleting(MailServer server, MailUser user) {
        ClientWorkspace.require("fetchmail", BINARY, "apt-get install fetchmail");
        return new FetchmailClient(server, user, false);
    }

    /** One-shot convenience: takes the user's mail with {@code keep}; returns the subjects it took. */
    public static List<String> fetchKeep(MailServer server, MailUser user) {
        try (FetchmailClient client = keeping(server, user)) {
            return client.fetch();
        }
    }

    /** One fetchmail run; returns the subjects of the messages it took this time (none when nothing was new). */
    public List<String> fetch() {
        int before = subjects().size();
        Commands.run(List.of(BINARY, "-f", rc.toString(), "--nodetach", "--nosyslog"),
                Map.of("HOME", workspace.toString(), "FETCHMAILHOME", workspace.toString()), null, workspace,
                Set.of(0, NO_MAIL));
        List<String> all = subjects();
        return all.subList(before, all.size());
    }

    /** Every subject this device has taken so far, in order. */
    public List<String> subjects() {
        if (!Files.exists(delivered)) {
            return List.of();
        }
        try {
            List<String> subjects = new ArrayList<>();
            for (String line : Files.readAllLines(delivered)) {
                if (line.startsWith("Subject: ")) {
                    subjects.add(line.substring("Subject: ".length()).strip());
                }
            }
            return subjects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        PrivateRoot.delete(workspace);
    }
}
