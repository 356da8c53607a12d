/** Reads message bodies from the shared GridFS content store the fetcher writes ({@code gridfs:<ObjectId hex>}). */
package io.mailsync.sync.adapter.out.gridfs;
