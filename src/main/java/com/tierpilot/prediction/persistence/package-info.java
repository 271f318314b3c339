/** Reading the purchase histories from the orders, and storing models and predictions. */
@NullMarked
package com.tierpilot.prediction.persistence;

import org.jspecify.annotations.NullMarked;
