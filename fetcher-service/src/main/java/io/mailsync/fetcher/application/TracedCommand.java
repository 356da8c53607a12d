package io.mailsync.fetcher.application;

import io.mailsync.events.MailCommand;
import io.mailsync.fetcher.application.port.out.CommandTracing;

/** A command with the trace it arrived in, queued for its account's session (issue 17). */
record TracedCommand(MailCommand command, CommandTracing.Carried trace) {
}
