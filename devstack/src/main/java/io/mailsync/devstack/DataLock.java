package io.mailsync.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One devstack per data folder (issue 17): a second start on a folder another devstack holds — running, or still
 * stopping — must say so in one line and end, not die on MongoDB's file lock and then hang on Kafka's threads. The
 * lock is the operating system's file lock on {@code devstack.lock}, so it goes away with the process however that
 * ends; the file's text says who holds it.
 */
final class DataLock implements AutoCloseable {

    static final String FILE = "devstack.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or throws {@link Held} saying who has it. */
    static DataLock acquire(Path data) throws IOException {
        Path file = data.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new Held(data, holder);
        }
        DataLock taken = new DataLock(channel, lock);
        taken.say("running");
        return taken;
    }

    /** The holder is shutting down: a start now is told to wait a moment rather than to stop it. */
    void stopping() {
        try {
            say("stopping");
        } catch (IOException e) {
            // the lock itself still holds; only the description is stale
        }
    }

    private void say(String state) throws IOException {
        String text = "devstack pid " + ProcessHandle.current().pid() + " " + state + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another process holds the folder; the message is the one line devstack prints. */
    static final class Held extends IOException {
        Held(Path data, String holder) {
            super(data + " is in use by " + (holder.isBlank() ? "another devstack" : holder) + "; "
                    + (holder.contains(" stopping ") ? "start again once it has stopped (a few seconds)"
                    : "stop it first (Ctrl-C where it runs), or give this one another folder with MAILSYNC_DATA"));
        }
    }
}
