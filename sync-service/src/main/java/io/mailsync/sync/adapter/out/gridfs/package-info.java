/** Reads, files and expires message bodies in service-support's shared GridFS content store (ADR 0002). */
package io.mailsync.sync.adapter.out.gridfs;
