/**
 * The YAML and JSON syntax under every document: a located tree read with limits, typed fields
 * with located problems, and the generators documents are written with. Not exported: shared
 * by the rooms of this module only.
 */
package dev.kuja.io.syntax;
