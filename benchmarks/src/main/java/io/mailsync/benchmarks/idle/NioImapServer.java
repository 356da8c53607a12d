package io.mailsync.benchmarks.idle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal IMAP server on one NIO selector thread: thousands of idle sessions cost a socket and a few hundred
 * bytes each, where GreenMail spends a thread and Dovecot a process. Driven over stdin by the benchmark:
 * {@code push-random K} appends a message to K random IDLEing mailboxes and answers {@code pushed USER MICROS}
 * lines, then {@code woke USER MICROS} when each client ends its IDLE; {@code stats} answers the session counts.
 * Run it as its own process: {@code java -cp ... io.mailsync.benchmarks.idle.NioImapServer [port]}.
 */
public final class NioImapServer {

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final Map<String, Mailbox> mailboxes = new HashMap<>();
    private final Queue<String> control = new ConcurrentLinkedQueue<>();
    private final PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    private int connections;
    private int selected;
    private int idling;

    private NioImapServer(int port) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", port), 8192);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) throws IOException {
        NioImapServer server = new NioImapServer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        server.say("listening " + ((InetSocketAddress) server.listener.getLocalAddress()).getPort());
        Thread.ofPlatform().daemon().name("control").start(server::readControl);
        server.loop();
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private void readControl() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                control.add(line.trim());
                selector.wakeup();
            }
        } catch (IOException ignored) {
            // the benchmark went away
        }
        System.exit(0); // stdin closed: the benchmark is done with this server
    }

    private void loop() throws IOException {
        ByteBuffer read = ByteBuffer.allocateDirect(64 * 1024);
        while (true) {
            selector.select(1000);
            for (String command = control.poll(); command != null; command = control.poll()) {
                command(command);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        NioConnection client = (NioConnection) key.attachment();
                        if (key.isReadable()) {
                            client.read(read);
                        }
                        if (key.isValid() && key.isWritable()) {
                            client.flush();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (key.attachment() instanceof NioConnection client) {
                        client.close();
                    }
                }
            }
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel = listener.accept(); channel != null; channel = listener.accept()) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            NioConnection client = new NioConnection(this, channel);
            client.key = channel.register(selector, SelectionKey.OP_READ, client);
            connections++;
            client.session.greet();
        }
    }

    private void command(String line) {
        String[] words = line.split(" ");
        switch (words[0]) {
            case "stats" -> say("stats " + connections + " " + selected + " " + idling);
            case "push-random" -> pushRandom(Integer.parseInt(words[1]));
            default -> say("unknown " + line);
        }
    }

    /** Appends one message to {@code k} random mailboxes whose client is IDLEing and tells those clients at once. */
    private void pushRandom(int k) {
        List<Mailbox> idle = new ArrayList<>();
        for (Mailbox m : mailboxes.values()) {
            if (m.selected.stream().anyMatch(s -> s.idleTag != null)) {
                idle.add(m);
            }
        }
        Collections.shuffle(idle);
        List<String> pushed = new ArrayList<>();
        for (Mailbox m : idle.subList(0, Math.min(k, idle.size()))) {
            m.count++;
            long at = micros();
            for (ImapSession s : m.selected) {
                s.exists(m.count, at);
            }
            pushed.add("pushed " + m.user + " " + at);
        }
        pushed.forEach(this::say);
        say("pushed-all " + pushed.size());
    }

    Mailbox mailbox(String user) {
        return mailboxes.computeIfAbsent(user, Mailbox::new);
    }

    void woke(ImapSession session, long delayMicros) {
        say("woke " + session.mailbox.user + " " + delayMicros);
    }

    void idling(int delta) {
        idling += delta;
    }

    void selected(int delta) {
        selected += delta;
    }

    /** A connection went away: it no longer counts, nor does its IDLE. */
    void closed(ImapSession session) {
        connections--;
        if (session.idleTag != null) {
            idling--;
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
