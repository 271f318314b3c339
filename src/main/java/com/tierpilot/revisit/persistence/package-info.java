/** Revisit plans, their tasks and each manager's daily capacity, and the sample-data removal of the tasks. */
@NullMarked
package com.tierpilot.revisit.persistence;

import org.jspecify.annotations.NullMarked;
