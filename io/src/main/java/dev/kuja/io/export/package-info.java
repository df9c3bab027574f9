/**
 * A model in the formats of other tools: GraphML (yEd, Gephi, NetworkX), DOT (Graphviz),
 * Mermaid (Markdown) and Open-PSA MEF fault trees (probabilistic safety assessment tools).
 */
package dev.kuja.io.export;
