/** Configuration records and the wiring of use cases to their adapters. */
package io.mailsync.quota.config;
