/**
 * Model and scenario documents, format version 1 (docs/documents.md): read from YAML or JSON
 * with every problem reported at once as {@code file:line:column}, written back losslessly, and
 * described by JSON Schemas for editors.
 */
package dev.kuja.io.document;
