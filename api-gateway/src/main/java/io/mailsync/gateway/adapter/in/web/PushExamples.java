package io.mailsync.gateway.adapter.in.web;

/** What an event stream carries, as {@link PushStream} writes it: examples for the OpenAPI document (issue 19). */
final class PushExamples {

    static final String STATE = "event:state\nid:45\ndata:{\"accountId\":\"acc-1\",\"state\":\"45\"}\n\n";
    static final String CHANGES = "event:changes\nid:45\ndata:{\"accountId\":\"acc-1\",\"oldState\":\"42\","
            + "\"newState\":\"45\",\"hasMoreChanges\":false,\"created\":[\"m-3\"],\"updated\":[],\"destroyed\":[]}\n\n";
    static final String RESYNC = "event:resync\ndata:{\"accountId\":\"acc-1\",\"reason\":\"state 3 is too old to catch"
            + " up from\"}\n\n";

    private PushExamples() {
    }
}
