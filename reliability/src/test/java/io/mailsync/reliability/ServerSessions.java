package io.mailsync.reliability;

import io.mailsync.testkit.Dovecot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds sessions at the mail server (issue 15): {@code doveadm who -1} lists every IMAP connection per user with
 * the Dovecot process serving it; {@code ss} maps that process's socket to the client's port, and the client's port
 * to the process that owns it — so each mailbox's sessions are counted per fetcher process.
 */
final class ServerSessions {

    private static final Pattern WHO = Pattern.compile("^(\\S+)\\s+imap\\s+(\\d+)\\s+\\S+");
    private static final Pattern SOCKET = Pattern.compile(
            "\\d+\\s+\\d+\\s+\\S+:(\\d+)\\s+\\S+:(\\d+)\\s+users:\\(\\(\"[^\"]*\",pid=(\\d+)");

    private ServerSessions() {
    }

    /** Per mailbox login: how many IMAP connections each client process holds. */
    static Map<String, Map<Long, Integer>> sample(Dovecot dovecot) {
        Map<Long, String> userByServerPid = new HashMap<>();
        for (String line : dovecot.doveadm("who", "-1").lines().toList()) {
            Matcher m = WHO.matcher(line.trim());
            if (m.find()) {
                userByServerPid.put(Long.parseLong(m.group(2)), m.group(1));
            }
        }
        Map<Integer, Long> serverPidByPeerPort = new HashMap<>();
        Map<Integer, Long> clientPidByLocalPort = new HashMap<>();
        String imapPort = String.valueOf(dovecot.imapPort());
        for (String line : ss().lines().toList()) {
            Matcher m = SOCKET.matcher(line.trim());
            if (!m.find()) {
                continue;
            }
            int local = Integer.parseInt(m.group(1));
            int peer = Integer.parseInt(m.group(2));
            long pid = Long.parseLong(m.group(3));
            if (m.group(1).equals(imapPort)) {
                serverPidByPeerPort.put(peer, pid);
            } else if (m.group(2).equals(imapPort)) {
                clientPidByLocalPort.put(local, pid);
            }
        }
        Map<String, Map<Long, Integer>> sessions = new HashMap<>();
        serverPidByPeerPort.forEach((clientPort, serverPid) -> {
            String user = userByServerPid.get(serverPid);
            Long client = clientPidByLocalPort.get(clientPort);
            if (user != null && client != null) {
                sessions.computeIfAbsent(user, u -> new HashMap<>()).merge(client, 1, Integer::sum);
            }
        });
        return sessions;
    }

    private static String ss() {
        try {
            Process p = new ProcessBuilder("ss", "-tnpH", "state", "established").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("ss is needed to count sessions per process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
