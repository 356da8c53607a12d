/** Quota notices as e-mail over SMTP (Spring Mail), rendered from per-level templates in {@code quota-mail/}. */
package io.mailsync.quota.adapter.out.smtp;
