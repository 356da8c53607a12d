package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code mbsync} (isync 1.4) as another device of the same user: it keeps a local Maildir copy of INBOX and syncs flags
 * both ways, as a laptop running it from cron would. One instance per user; its state lives in a private workspace.
 */
public final class MbsyncClient implements AutoCloseable {

    static final String BINARY = "/usr/bin/mbsync";

    private final Path workspace;
    private final Path config;
    private final Path local;

    private MbsyncClient(MailServer server, MailUser user) {
        this.workspace = ClientWorkspace.create("mbsync");
        this.local = workspace.resolve("mail");
        try {
            Files.createDirectories(local);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClientWorkspace.writePrivate(workspace, "password", user.password());
        this.config = ClientWorkspace.writePrivate(workspace, "mbsyncrc", """
                IMAPAccount remote
                Host %1$s
                Port %2$d
                User %3$s
                PassCmd "cat %4$s/password"
                SSLType None
                AuthMechs LOGIN

                IMAPStore remote
                Account remote

                MaildirStore local
                Path %5$s/
                Inbox %5$s/INBOX

                Channel inbox
                Far :remote:INBOX
                Near :local:INBOX
                Create Near
                Sync All
                SyncState *
                """.formatted(server.host(), server.imapPort(), user.login(), workspace, local));
    }

    /** A device for {@code user} on {@code server}: skipped (or failed under CI=true) where mbsync is missing. */
    public static MbsyncClient of(MailServer server, MailUser user) {
        ClientWorkspace.require("mbsync", BINARY, "apt-get install isync");
        return new MbsyncClient(server, user);
    }

    /** One-shot convenience: sync, mark every message read on this device, sync the flags back to the server. */
    public static void markAllRead(MailServer server, MailUser user) {
        try (MbsyncClient client = of(server, user)) {
            client.sync();
            client.markAllReadLocally();
            client.sync();
        }
    }

    /** Forgets this device: removes its local mail, state and config. */
    @Override
    public void close() {
        PrivateRoot.delete(workspace);
    }

    /** {@code mbsync -a}: pulls new mail and flag changes, pushes local flag changes. Returns mbsync's output. */
    public String sync() {
        return Commands.run(List.of(BINARY, "-c", config.toString(), "-a"), Map.of("HOME", workspace.toString()),
                null, workspace);
    }

    /** Messages in the local copy of INBOX. */
    public long localMessages() {
        try (Stream<Path> cur = Files.list(local.resolve("INBOX/cur"));
                Stream<Path> fresh = Files.list(local.resolve("INBOX/new"))) {
            return cur.count() + fresh.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a user reading every message in a Maildir client does: move to cur/ with the S (seen) flag. */
    public void markAllReadLocally() {
        Path inbox = local.resolve("INBOX");
        try (Stream<Path> cur = Files.list(inbox.resolve("cur"));
                Stream<Path> fresh = Files.list(inbox.resolve("new"))) {
            for (Path message : Stream.concat(cur, fresh).toList()) {
                Files.move(message, inbox.resolve("cur").resolve(withSeen(message.getFileName().toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks read, on this device only, the local messages whose Subject header contains {@code word}. */
    public void markReadLocally(String word) {
        Path inbox = local.resolve("INBOX");
        for (Path message : withSubject(word)) {
            try {
                Files.move(message, inbox.resolve("cur").resolve(withSeen(message.getFileName().toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the local copy has a message whose Subject contains {@code word}, and every such one is seen. */
    public boolean seenLocally(String word) {
        List<Path> found = withSubject(word);
        return !found.isEmpty() && found.stream().allMatch(p -> {
            String name = p.getFileName().toString();
            int info = name.indexOf(":2,");
            return info >= 0 && name.substring(info + 3).contains("S");
        });
    }

    private List<Path> withSubject(String word) {
        Path inbox = local.resolve("INBOX");
        try (Stream<Path> cur = Files.list(inbox.resolve("cur"));
                Stream<Path> fresh = Files.list(inbox.resolve("new"))) {
            return Stream.concat(cur, fresh).filter(p -> subject(p).contains(word)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subject(Path message) {
        try (Stream<String> lines = Files.lines(message, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.takeWhile(line -> !line.isEmpty()).filter(line -> line.startsWith("Subject:")).findFirst()
                    .orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maildir file names end in {@code :2,<flags>} with the flags in ASCII order. */
    static String withSeen(String name) {
        int info = name.indexOf(":2,");
        if (info < 0) {
            return name + ":2,S";
        }
        String flags = name.substring(info + 3);
        if (flags.contains("S")) {
            return name;
        }
        char[] sorted = (flags + "S").toCharArray();
        Arrays.sort(sorted);
        return name.substring(0, info + 3) + new String(sorted);
    }
}
