/** The clock every service reads the time from, unless it declares its own (ADR 0011). */
package io.mailsync.support.time;
