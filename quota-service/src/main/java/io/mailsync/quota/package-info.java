/** quota-service: usage samples in, quota notices out (e-mail and {@code quota.alerts}), exactly once per crossing. */
package io.mailsync.quota;
