/**
 * The UI shell every view sits in: {@link com.tierpilot.base.ui.MainLayout} (its navigation built from the views'
 * {@code @Menu} entries), the language switch, banners, notifications, progress and empty-state panels, the error
 * handler that shows users a message in their language, and the number and date formats of the screens.
 */
@NullMarked
package com.tierpilot.base.ui;

import org.jspecify.annotations.NullMarked;
