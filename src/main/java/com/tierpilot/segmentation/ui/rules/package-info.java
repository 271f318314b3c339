/** The visual editor of rule segments: the list on the settings screen, the editor dialog and its live preview. */
@NullMarked
package com.tierpilot.segmentation.ui.rules;

import org.jspecify.annotations.NullMarked;
