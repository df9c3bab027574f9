/**
 * Reading and writing Kuja's documents: models and scenarios in YAML or JSON (format version 1
 * of DESIGN §7), BIA tables in CSV, and exports for other tools (GraphML, DOT, Mermaid, Open-PSA
 * MEF, JSON of analysis results).
 *
 * <p>Bad input never escapes as a parser stack trace: readers throw a {@link
 * dev.kuja.io.DocumentException} listing every problem found, each with file, line and column.
 */
package dev.kuja.io;
