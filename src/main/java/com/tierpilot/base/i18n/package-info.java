/**
 * The two languages of the UI (zh-CN and en): the message bundles as Vaadin's I18N provider, the supported locales,
 * the translated page titles, and the locale a user gets when a session starts.
 */
@NullMarked
package com.tierpilot.base.i18n;

import org.jspecify.annotations.NullMarked;
