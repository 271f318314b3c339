/** The SMS adapters, one per provider, and the providers' documented request signatures. */
@NullMarked
package com.tierpilot.delivery.sms;

import org.jspecify.annotations.NullMarked;
