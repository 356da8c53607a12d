/** The content store on GridFS, in the blob database shared with the sync service ({@code mailsync.content.uri}). */
package io.mailsync.fetcher.adapter.out.gridfs;
