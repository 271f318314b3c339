/** The demo module's SQL: the record of the sample data loaded into a company (sample_data). */
@NullMarked
package com.tierpilot.demo.persistence;

import org.jspecify.annotations.NullMarked;
