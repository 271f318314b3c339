/**
 * Imports of customers, orders and order lines from CSV (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK/GB18030; any
 * common delimiter) and XLSX files. A file is parsed as a stream into staging tables; one transaction then merges
 * the staged rows, set-based, so an import lands completely or not at all.
 */
@NullMarked
package com.tierpilot.customer.importing;

import org.jspecify.annotations.NullMarked;
