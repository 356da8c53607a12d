package io.mailsync.sync.application;

import io.mailsync.events.AccountSpec;
import java.time.Duration;
import java.util.List;

/** A mailbox to register, validated on construction; the password only ever leaves here encrypted. */
public record RegisterAccountCommand(
        String customerId,
        AccountSpec.Protocol protocol,
        String host,
        int port,
        AccountSpec.Security security,
        boolean trustAnyCertificate,
        String username,
        String password,
        List<String> folders,
        Duration pollInterval,
        AccountSpec.Pop3Retention retention,
        boolean storeBodies,
        Long quotaLimitBytes,
        Long quotaLimitMessages,
        String contactAddress,
        String plan) {

    private static final Duration MIN_POLL = Duration.ofSeconds(10);
    private static final Duration MAX_POLL = Duration.ofDays(1);

    public RegisterAccountCommand {
        if (customerId != null && (customerId.isBlank() || customerId.length() > 200)) {
            throw new IllegalArgumentException("customerId is 1 to 200 characters");
        }
        require(protocol != null, "protocol is IMAP or POP3");
        require(host != null && host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}"), "host is a host name or address");
        require(port >= 1 && port <= 65535, "port is 1 to 65535");
        require(security != null, "security is SSL, STARTTLS or NONE");
        require(username != null && !username.isBlank() && username.length() <= 320, "username is 1 to 320 characters");
        // null only where the mailbox's host logs in for it (issue 22: RegisterAccount decides)
        require(password == null || !password.isEmpty() && password.length() <= 1024,
                "password is 1 to 1024 characters");
        folders = folders == null || folders.isEmpty() ? List.of("INBOX") : List.copyOf(folders);
        require(folders.size() <= 100, "at most 100 folders");
        for (String folder : folders) {
            require(folder != null && !folder.isBlank() && folder.length() <= 255, "a folder name is 1 to 255 characters");
        }
        require(protocol != AccountSpec.Protocol.POP3 || folders.equals(List.of("INBOX")),
                "a POP3 account has only the INBOX folder");
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        require(pollInterval.compareTo(MIN_POLL) >= 0 && pollInterval.compareTo(MAX_POLL) <= 0,
                "pollInterval is between PT10S and P1D");
        retention = retention == null ? AccountSpec.Pop3Retention.keep() : retention;
        require(protocol == AccountSpec.Protocol.POP3 || retention.policy() == AccountSpec.Pop3Retention.Policy.KEEP,
                "a retention policy other than KEEP applies to POP3 accounts only");
        require(quotaLimitBytes == null || quotaLimitBytes > 0, "quotaLimitBytes is positive");
        require(quotaLimitMessages == null || quotaLimitMessages > 0, "quotaLimitMessages is positive");
        require(contactAddress == null || contactAddress.matches("[^@\\s]{1,64}@[^@\\s]{1,255}"),
                "contactAddress is an e-mail address");
        require(plan == null || plan.matches("[A-Za-z0-9._-]{1,64}"), "plan is a name of 1 to 64 letters, digits, . _ -");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "RegisterAccountCommand[" + protocol + " " + username + "@" + host + ":" + port + "]"; // never the password
    }
}
