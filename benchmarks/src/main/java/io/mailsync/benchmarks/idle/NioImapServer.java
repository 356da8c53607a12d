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
import java.util.ArrayDeque;
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
                        Client client = (Client) key.attachment();
                        if (key.isReadable()) {
                            client.read(read);
                        }
                        if (key.isValid() && key.isWritable()) {
                            client.flush();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (key.attachment() instanceof Client client) {
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
            Client client = new Client(channel);
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

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    /** A connection: bytes in are split into lines; bytes out wait in a queue until the socket takes them. */
    private final class Client implements ImapSession.Connection {

        private final SocketChannel channel;
        private final ImapSession session;
        private final StringBuilder pending = new StringBuilder();
        private ArrayDeque<ByteBuffer> outbox;
        private SelectionKey key;
        private boolean closed;

        Client(SocketChannel channel) {
            this.channel = channel;
            this.session = new ImapSession(NioImapServer.this, this);
        }

        void read(ByteBuffer buffer) throws IOException {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                close();
                return;
            }
            buffer.flip();
            pending.append(StandardCharsets.US_ASCII.decode(buffer));
            int eol;
            while (!closed && (eol = pending.indexOf("\r\n")) >= 0) {
                String line = pending.substring(0, eol);
                pending.delete(0, eol + 2);
                session.line(line);
            }
        }

        @Override
        public void write(String text) {
            if (closed) {
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            try {
                if (outbox == null) {
                    channel.write(bytes);
                    if (!bytes.hasRemaining()) {
                        return;
                    }
                    outbox = new ArrayDeque<>();
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
                outbox.add(bytes);
            } catch (IOException e) {
                close();
            }
        }

        void flush() throws IOException {
            while (outbox != null && !outbox.isEmpty()) {
                ByteBuffer head = outbox.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                outbox.poll();
            }
            outbox = null;
            key.interestOps(SelectionKey.OP_READ);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            connections--;
            if (session.idleTag != null) {
                idling--;
            }
            session.unselect();
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // gone
            }
        }
    }
}
