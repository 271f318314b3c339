/**
 * The prediction models in plain Java, without Spring: maximum-likelihood fits with Hipparchus' Nelder-Mead
 * simplex on log-parameters, and the per-customer quantities of the published models (Fader, Hardie and Lee 2005;
 * Fader and Hardie 2013 on the Gamma-Gamma model). Time is in weeks throughout.
 */
@NullMarked
package com.tierpilot.prediction.engine;

import org.jspecify.annotations.NullMarked;
