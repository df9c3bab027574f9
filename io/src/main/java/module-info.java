/**
 * Kuja io: the files Kuja reads and writes — model and scenario documents in YAML and JSON,
 * BIA tables, exports for other tools, and reports. Every reader reports all problems of its
 * input at once, each with file, line and column.
 */
module dev.kuja.io {
  requires transitive dev.kuja.core;
  requires transitive com.fasterxml.jackson.core; // ResultsJson writes into its JsonGenerator
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.yaml.snakeyaml;
  requires java.xml;
  requires org.dhatim.fastexcel;
  requires org.dhatim.fastexcel.reader;
  requires com.github.miachm.sods;

  exports dev.kuja.io;
  exports dev.kuja.io.document;
  exports dev.kuja.io.table;
  exports dev.kuja.io.export;
  exports dev.kuja.io.report;
}
