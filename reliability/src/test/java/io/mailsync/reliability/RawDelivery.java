package io.mailsync.reliability;

import io.mailsync.testkit.Dovecot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Delivers bytes, not text: testkit's {@code Dovecot.deliver} takes a String (written as UTF-8), which cannot carry
 * the mis-encoded 8-bit headers R6 needs. Runs the same {@code doveadm save} against the instance's configuration
 * (read from the private field, as testkit offers no accessor — see the report).
 */
final class RawDelivery {

    private RawDelivery() {
    }

    static Path config(Dovecot dovecot) {
        try {
            var field = Dovecot.class.getDeclaredField("config");
            field.setAccessible(true);
            return (Path) field.get(dovecot);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("testkit Dovecot changed: no config field", e);
        }
    }

    static Path directory(Dovecot dovecot) {
        return config(dovecot).getParent();
    }

    static void save(Dovecot dovecot, String login, byte[] message) {
        try {
            Process p = new ProcessBuilder("/usr/bin/doveadm", "-c", config(dovecot).toString(), "save", "-u", login,
                    "-m", "INBOX").redirectErrorStream(true).start();
            Thread writer = Thread.ofVirtual().start(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(message);
                } catch (IOException ignored) {
                    // the exit code says
                }
            });
            String output = new String(p.getInputStream().readAllBytes());
            writer.join();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("doveadm save failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
