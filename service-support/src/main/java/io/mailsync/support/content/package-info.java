/**
 * The content store of ADR 0002 for every service that keeps message bodies: the {@code gridfs:<ObjectId hex>}
 * reference format and GridFS bucket {@code messages} in the database {@code mailsync.content.uri} names (ADR 0011).
 */
package io.mailsync.support.content;
