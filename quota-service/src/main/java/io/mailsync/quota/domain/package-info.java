/** Quota decisions in plain Java: levels, hysteresis, the grace period and the forecast (DESIGN.md "Quota semantics"). */
package io.mailsync.quota.domain;
