/**
 * The results of analyses for people and programs: every result as JSON ({@link
 * dev.kuja.io.report.ResultsJson}, one writer per result type), and the continuity report
 * ({@link dev.kuja.report.Report}, computed once in core) rendered as text for a terminal
 * ({@link dev.kuja.io.report.TextReport}), as one JSON object ({@link
 * dev.kuja.io.report.ReportJson}) and as one self-contained HTML page ({@link
 * dev.kuja.io.report.HtmlReport}).
 */
package dev.kuja.io.report;
