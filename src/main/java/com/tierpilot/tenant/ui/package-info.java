/** Sign-up, login, invitation acceptance, user management and tenant settings screens. */
@NullMarked
package com.tierpilot.tenant.ui;

import org.jspecify.annotations.NullMarked;
