/**
 * Imports of customers, orders and order lines from CSV (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK/GB18030; any
 * common delimiter) and XLSX files: reading and sniffing the file, header synonyms and date formats, the column
 * mapping (remembered per file layout), the checks of every row, the runs with their heartbeats and progress, the
 * rejected rows and their report, and the import screen. A file is read as a stream into the customer module's
 * staging ({@code CustomerIntakeService}); one transaction then has the staged rows merged, set-based, so an import
 * lands completely or not at all.
 */
@ApplicationModule(displayName = "Imports", allowedDependencies = {"base", "tenant", "customer"})
@NullMarked
package com.tierpilot.importing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
