/**
 * What every reader and writer of Kuja's files shares: the two syntaxes of documents ({@link
 * dev.kuja.io.Format}), the limits that keep hostile input from exhausting time or memory
 * ({@link dev.kuja.io.ReadOptions}), and the exception every reader throws, {@link
 * dev.kuja.io.DocumentException}, listing every problem found with its file, line and column.
 *
 * <p>The rooms: {@code document} (model and scenario documents, YAML and JSON, and their
 * schemas), {@code table} (BIA tables kept in spreadsheets), {@code export} (GraphML, DOT,
 * Mermaid, Open-PSA MEF) and {@code report} (the report and analysis results as JSON and HTML).
 */
package dev.kuja.io;
