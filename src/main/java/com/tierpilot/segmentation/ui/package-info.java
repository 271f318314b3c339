/** Segmentation screens: the settings of the schemes with their preview, and the segment browser. */
@NullMarked
package com.tierpilot.segmentation.ui;

import org.jspecify.annotations.NullMarked;
