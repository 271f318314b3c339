/** The prediction screen: the tenant's model, its settings, and "predict now". */
@NullMarked
package com.tierpilot.prediction.ui;

import org.jspecify.annotations.NullMarked;
