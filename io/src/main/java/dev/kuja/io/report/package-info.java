/**
 * The results of analyses for people and programs: every result as JSON, and the continuity
 * report as one self-contained HTML page.
 */
package dev.kuja.io.report;
