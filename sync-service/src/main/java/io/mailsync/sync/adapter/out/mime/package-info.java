/** MIME out: reading a device's message/rfc822 with Angus Mail's parsers, within bounds (issue 16). */
package io.mailsync.sync.adapter.out.mime;
