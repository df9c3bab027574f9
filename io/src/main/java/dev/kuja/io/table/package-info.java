/**
 * Tables kept in spreadsheets: a business impact analysis as a table of nodes and a table of
 * requirements, imported into a model from CSV files ({@link dev.kuja.io.table.BiaCsv}) or from
 * the sheets of an {@code .xlsx} or {@code .ods} workbook ({@link dev.kuja.io.table.BiaWorkbook});
 * and the sector tables of the inoperability input–output model — A*, or transactions and total
 * outputs ({@link dev.kuja.io.table.SectorTables}). Every problem is located by file, line and
 * column, or by the cell of a sheet.
 */
package dev.kuja.io.table;
