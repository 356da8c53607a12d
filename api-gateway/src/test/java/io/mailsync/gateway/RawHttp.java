package io.mailsync.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client library refuses to send: malformed escapes,
 * raw non-ASCII, chunked bodies of any size. Reads the status line and headers, and the body unless it streams.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    static Answer send(int port, String method, String target, Map<String, String> headers, byte[] body,
            boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (body != null) {
                // written beside the reader: the gateway may answer (413) before it has read everything
                Thread.ofVirtual().start(() -> writeBody(out, body, chunked));
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IOException("connection closed without a status line");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    answerHeaders.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
            String type = answerHeaders.getOrDefault("content-type", "");
            String answerBody = type.startsWith("text/event-stream") || method.equals("HEAD") ? ""
                    : readUpTo(in, 64 * 1024);
            return new Answer(status, answerHeaders, answerBody);
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) {
        try {
            int chunk = 16 * 1024;
            for (int offset = 0; offset < body.length; offset += chunk) {
                int n = Math.min(chunk, body.length - offset);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, offset, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the gateway answered and closed before taking the whole body: that answer is what counts
        }
    }

    private static String readUpTo(BufferedReader in, int max) {
        StringBuilder body = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int n;
            while (body.length() < max && (n = in.read(buffer)) > 0) {
                body.append(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer: the status already tells
        }
        return body.toString();
    }
}
