/** Where the fetcher keeps raw messages: service-support's shared GridFS content store (ADR 0002). */
package io.mailsync.fetcher.adapter.out.gridfs;
