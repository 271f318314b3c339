/** Sign-up requests waiting for their link, the sign-up attempts that rate-limit them, one-time login tokens. */
@NullMarked
package com.tierpilot.tenant.persistence;

import org.jspecify.annotations.NullMarked;
