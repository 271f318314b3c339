/** The import screen (route {@code import}): upload, mapping form, preview, progress, history and rejection reports. */
@NullMarked
package com.tierpilot.importing.ui;

import org.jspecify.annotations.NullMarked;
