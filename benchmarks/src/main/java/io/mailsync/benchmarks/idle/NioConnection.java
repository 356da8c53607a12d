package io.mailsync.benchmarks.idle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A connection of {@link NioImapServer}, on its selector thread: bytes in are split into lines for the
 * {@link ImapSession}; bytes out wait in a queue until the socket takes them.
 */
final class NioConnection implements ImapSession.Connection {

    private final NioImapServer server;
    private final SocketChannel channel;
    final ImapSession session;
    private final StringBuilder pending = new StringBuilder();
    private ArrayDeque<ByteBuffer> outbox;
    SelectionKey key;
    private boolean closed;

    NioConnection(NioImapServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
        this.session = new ImapSession(server, this);
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
        server.closed(session);
        session.unselect();
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // gone
        }
    }
}
