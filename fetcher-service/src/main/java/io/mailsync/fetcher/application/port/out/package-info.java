/** What the fetcher's use cases need from the world: mail servers, the event topic, the cursor store. */
package io.mailsync.fetcher.application.port.out;
