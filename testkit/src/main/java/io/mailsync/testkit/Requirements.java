package io.mailsync.testkit;

import org.junit.jupiter.api.Assumptions;

/**
 * Installed servers a test needs. Under {@code CI=true} a missing one fails the test — CI must install it, and a
 * silently skipped test proves nothing. Elsewhere the test is skipped with the command that installs it.
 */
public final class Requirements {

    private Requirements() {
    }

    public static boolean onCi() {
        return Boolean.parseBoolean(System.getenv("CI"));
    }

    public static void dovecot() {
        require(Dovecot.installed(), Dovecot.NOT_INSTALLED);
    }

    static void require(boolean present, String howToInstall) {
        if (present) {
            return;
        }
        if (onCi()) {
            throw new AssertionError("CI=true and a required server is missing. " + howToInstall);
        }
        Assumptions.abort(howToInstall);
    }
}
