/**
 * Static analyses of a model (docs/analyses.md): what fails when a set of nodes fails, and when;
 * single points of failure with explanations; minimal failure sets; criticality ranking;
 * dependency closures with supply-chain tiers; and the report of interfaces between
 * organisations. Start from {@link dev.kuja.analysis.Analysis#of(dev.kuja.model.Model)}.
 */
package dev.kuja.analysis;
