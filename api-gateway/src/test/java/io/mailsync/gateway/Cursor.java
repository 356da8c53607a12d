package io.mailsync.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for sync-service's changes-since cursor of one account (RFC 8620 §5.2): the states in order, each
 * with the message it created; {@code /changes?since=S} answers what came after S, or 410 for a state it never had.
 */
final class Cursor {

    private final String accountId;
    private final List<String> states = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    Cursor(String accountId) {
        this.accountId = accountId;
    }

    synchronized void advanced(String state, String createdMessage) {
        states.add(state);
        created.add(createdMessage);
    }

    synchronized FakeService.Answer changesSince(FakeService.Received request) {
        String since = request.query() == null ? "" : request.query().replaceFirst("^since=", "");
        int from = states.indexOf(since);
        if (from < 0) {
            return new FakeService.Answer(410, "{\"type\":\"urn:ietf:params:jmap:error:cannotCalculateChanges\"}");
        }
        List<String> missed = created.subList(from + 1, created.size());
        return new FakeService.Answer(200, "{\"accountId\":\"" + accountId + "\",\"oldState\":\"" + since
                + "\",\"newState\":\"" + states.getLast() + "\",\"hasMoreChanges\":false,\"created\":"
                + quoted(missed) + ",\"updated\":[],\"destroyed\":[]}");
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]").orElse("[]");
    }
}
