/**
 * The continuity report of a whole model, computed once: {@link dev.kuja.report.Report} holds
 * the single points of failure and double points of failure of every function, the criticality
 * ranking, the interfaces between organisations and the simulated scenarios, each analysis run
 * once and shared with the ones that build on it. Renderers (the text, JSON and HTML reports of
 * {@code dev.kuja.io.report}) only format it.
 *
 * <p>This package sits above {@code dev.kuja.analysis}, {@code dev.kuja.simulation} and
 * {@code dev.kuja.scenario}; none of them uses it.
 */
package dev.kuja.report;
