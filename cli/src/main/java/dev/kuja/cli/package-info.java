/**
 * The {@code kuja} command line (docs/cli.md): validate, analyse, simulate, export and report on
 * model documents. Every command takes {@code --json}; exit status 0 done, 1 the analysis found
 * what was asked to fail on, 2 bad input (every problem on stderr as file:line:column), 3 a bug
 * or an exhausted resource (one line; the stack trace with --debug or in a log file).
 */
package dev.kuja.cli;
