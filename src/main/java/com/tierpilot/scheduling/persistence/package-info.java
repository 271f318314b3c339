/** The nightly pipeline's runs and the owner's alerts about them, and the sample-data removal of this module's rows. */
@NullMarked
package com.tierpilot.scheduling.persistence;

import org.jspecify.annotations.NullMarked;
