/** Who may get which token: clients, customer logins, and the rule that fills a token's sub, aud and scope. */
package io.mailsync.auth.domain;
