/** Network out: the outbound policy for customers' mail servers, asked at registration (issue 16). */
package io.mailsync.sync.adapter.out.net;
