/** The keys that seal secrets at rest, bound once for every service (ADR 0011, ADR 0014). */
package io.mailsync.support.crypto;
