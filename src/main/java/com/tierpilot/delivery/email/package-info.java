/** The e-mail channel: Spring's mail support over SMTP. */
@NullMarked
package com.tierpilot.delivery.email;

import org.jspecify.annotations.NullMarked;
