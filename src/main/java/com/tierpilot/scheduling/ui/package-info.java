/** The run history screen: nightly and manual recomputes, run now with live progress, the schedule editor. */
@NullMarked
package com.tierpilot.scheduling.ui;

import org.jspecify.annotations.NullMarked;
