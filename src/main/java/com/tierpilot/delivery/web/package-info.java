/**
 * The delivery's public addresses, reached without login: the unsubscribe links of e-mails (RFC 8058 one-click POST
 * included) and the SMS providers' reply callbacks. Each is found by a random secret token in its path.
 */
@NullMarked
package com.tierpilot.delivery.web;

import org.jspecify.annotations.NullMarked;
