/**
 * The results of analyses for people and programs: every result as JSON ({@link
 * dev.kuja.io.report.ResultsJson}, one writer per result type), and the continuity report
 * ({@link dev.kuja.report.Report}, computed once in core) rendered as text for a terminal
 * ({@link dev.kuja.io.report.TextReport}), as one JSON object ({@link
 * dev.kuja.io.report.ReportJson}), as one self-contained HTML page ({@link
 * dev.kuja.io.report.HtmlReport}) and as the planners' tables in an Excel workbook ({@link
 * dev.kuja.io.report.WorkbookReport}).
 */
package dev.kuja.io.report;
