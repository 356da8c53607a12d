/** Quota notices as {@code QuotaLevelCrossed} / {@code QuotaForecastWarning} on {@code quota.alerts}. */
package io.mailsync.quota.adapter.out.kafka;
