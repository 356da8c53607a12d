/** Plain decisions of the gateway: who is calling, and whether they may reach an account. */
package io.mailsync.gateway.domain;
