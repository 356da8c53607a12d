/** The command-tracing port on Micrometer Observation: a write-back span in the trace of the request that caused it. */
package io.mailsync.fetcher.adapter.out.tracing;
