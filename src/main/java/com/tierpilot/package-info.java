/** TierPilot root: the Spring Boot application and the Vaadin app shell. */
@NullMarked
package com.tierpilot;

import org.jspecify.annotations.NullMarked;
