/** Value types and the sync decisions (keyword deltas, read-wins, the changes-since rules); plain Java only. */
package io.mailsync.sync.domain;
