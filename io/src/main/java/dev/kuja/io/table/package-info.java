/**
 * Business impact analyses kept as spreadsheet tables: a table of nodes and a table of
 * requirements, imported into a model with every problem located by file, line and column.
 */
package dev.kuja.io.table;
