/**
 * Tables kept in spreadsheets: a business impact analysis as a table of nodes and a table of
 * requirements, imported into a model ({@link dev.kuja.io.table.BiaCsv}); and the sector tables
 * of the inoperability input–output model — A*, or transactions and total outputs
 * ({@link dev.kuja.io.table.SectorTables}). Every problem is located by file, line and column.
 */
package dev.kuja.io.table;
