package dev.kuja.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Replays the JShell session of examples/README.md through the jdk.jshell API, after the
 * start-up script, and checks every answer it shows — so the walkthrough cannot rot.
 */
class JShellWalkthroughTest {

  record Step(String input, List<String> expected) {}

  static List<Step> steps() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```jshell\n") + "```jshell\n".length();
    String session = readme.substring(start, readme.indexOf("```", start));
    List<Step> steps = new ArrayList<>();
    for (String block : session.split("\n\n")) {
      List<String> lines = block.lines().toList();
      assertTrue(lines.get(0).startsWith("jshell> "), block);
      steps.add(new Step(lines.get(0).substring("jshell> ".length()), lines.subList(1, lines.size())));
    }
    return steps;
  }

  /** Evaluates every complete snippet of the source; returns the value of the last. */
  static String eval(JShell js, String source) {
    SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
    String value = "";
    String rest = source;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      for (SnippetEvent e : js.eval(info.source())) {
        if (e.exception() != null) {
          throw new AssertionError("'" + info.source().strip() + "' threw " + e.exception(), e.exception());
        }
        if (e.status() == Snippet.Status.REJECTED) {
          throw new AssertionError("'" + info.source().strip() + "' was rejected: "
              + js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
        }
        if (e.value() != null) {
          value = e.value();
        }
      }
      rest = info.remaining();
    }
    return value;
  }

  @Test
  void theReadmeSessionAnswersWhatItShows() throws Exception {
    try (JShell js = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        js.addToClasspath(entry);
      }
      eval(js, Files.readString(Path.of("jshell", "kuja.jsh")));
      assertTrue(eval(js, "county").startsWith("Model 'Example wellbeing services county'"));
      List<Step> steps = steps();
      assertTrue(steps.size() >= 10, "the walkthrough has " + steps.size() + " steps");
      for (Step step : steps) {
        String value = eval(js, step.input());
        for (String line : step.expected()) {
          assertTrue(value.contains(line), () -> step.input() + "\n  shows:    " + line + "\n  answers:  " + value);
        }
      }
      // fixing only one of the two chains is not enough
      assertEquals("Optional[PT18H]", eval(js, "Simulator.of(county.toBuilder().edit(\"er-staff\", s -> s.clearRequirements())"
          + ".build()).run(storm).function(\"emergency-care\").get().firstImpact()"));
    }
  }
}
