/** Outbound connections to customers' mail servers: which addresses and ports mailsync may reach (SSRF guard). */
package io.mailsync.support.net;
