/** The signing key as a JSON Web Key in a file of the data folder, readable by its owner only. */
package io.mailsync.auth.adapter.out.file;
