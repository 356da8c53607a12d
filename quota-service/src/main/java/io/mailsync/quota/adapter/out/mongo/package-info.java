/**
 * The stores on MongoDB (database {@code mailsync-quota}): single-document atomic writes and unique ids only, so
 * both a replica set and mongo-java-server behave the same (ADR 0001).
 */
package io.mailsync.quota.adapter.out.mongo;
