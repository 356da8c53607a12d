package io.mailsync.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers for a request it refuses before Spring sees it (an encoded {@code /}, {@code \} or NUL in the
 * path, a malformed request line): problem+json like every other error of the public API, instead of Tomcat's HTML
 * page with its version. Found by the reliability suite's API fuzz (R7).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            String body = "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
                    + ",\"detail\":\"the request was refused before it reached the API: check the path for an "
                    + "encoded '/', '\\\\' or NUL and the request line for invalid characters\"}";
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // a known length: Tomcat closes this connection, and a chunked body cut short fails strict clients
            response.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over; nothing useful left to say
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            default -> status >= 500 ? "Server Error" : "Request Refused";
        };
    }
}
