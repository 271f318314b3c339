/** Encryption of the companies' provider secrets under the platform key. */
@NullMarked
package com.tierpilot.delivery.crypto;

import org.jspecify.annotations.NullMarked;
