package dev.kuja.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kuja.iim.Iim;
import dev.kuja.iim.InterdependencyMatrix;
import dev.kuja.io.DocumentException;
import dev.kuja.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading sector tables: good ones, and every kind of mistake located by line and column. */
class SectorTablesTest {

  static List<String> problems(Runnable read) {
    DocumentException e = assertThrows(DocumentException.class, read::run);
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsASquareTable() {
    Iim iim = SectorTables.read("""
        ,power,water
        power, 0, 0.5
        water,0.5,0

        """, "a.csv");
    assertEquals(List.of("power", "water"), iim.sectors());
    assertEquals(0.5, iim.interdependency().get("power", "water"), 0);
    // a spreadsheet's byte order mark and any top-left text are ignored
    Iim bom = SectorTables.read("\uFEFFA*,power,water\npower,0,0.5\nwater,0.5,0\n", "b.csv");
    assertEquals(iim.interdependency(), bom.interdependency());
  }

  @Test
  void readsTransactionsAndTotals() {
    Iim iim = SectorTables.readTransactions(",s1,s2\ns1,20,30\ns2,10,40\n", "z.csv",
        "total,sector\n200,s2\n100,s1\n", "x.csv");
    // a*_ij = z_ij / x_i
    assertEquals(0.3, iim.interdependency().get("s1", "s2"), 1e-15);
    assertEquals(0.05, iim.interdependency().get("s2", "s1"), 1e-15);
  }

  @Test
  void everyMistakeOfAMatrixAtOnce() {
    assertEquals(List.of(
        "m.csv:1:4: sector 'a' appears more than once in the first row",
        "m.csv:2:3: '0.x' is not a number",
        "m.csv:2:4: must not be negative (-1)",
        "m.csv:3:1: row 2 must be sector 'b' (column 3 of the first row), not 'bb'; did you mean 'b'?",
        "m.csv:3:3: the row has 2 cells, but the first row has 4 (the id, then one per sector)",
        "m.csv:4:3: the cell is empty; write 0 for no dependence",
        "m.csv:4:5: the row has 5 cells, but the first row has 4 (the id, then one per sector)",
        "m.csv:5:1: the matrix is not square: this is row 4 of sectors, but the first row names 3 sectors"),
        problems(() -> SectorTables.read("""
            ,a,b,a
            a,0,0.x,-1
            bb,0
            a,0,,0,9
            c,0,0,0
            """, "m.csv")));
  }

  @Test
  void tooFewRowsAndEmptyTables() {
    assertEquals(List.of("m.csv:1:3: the matrix is not square: the first row names 2 sectors but only 1 rows follow; "
        + "no row for 'b'"), problems(() -> SectorTables.read(",a,b\na,0,0\n", "m.csv")));
    assertEquals(List.of("m.csv: the table is empty; its first row names the sectors: ,energy,transport,…"),
        problems(() -> SectorTables.read("\n\n", "m.csv")));
    assertEquals(List.of("m.csv:1:2: the first row names no sector: it holds an empty cell, then the sector ids"),
        problems(() -> SectorTables.read("x\n", "m.csv")));
  }

  @Test
  void anUnsolvableMatrixIsReportedAgainstTheFile() {
    assertEquals(List.of("m.csv: interdependency: the spectral radius of A* is 1.1, not below 1: inoperability would "
        + "feed on itself without bound (the series I + A* + A*² + … diverges); weaken the strongest dependencies"),
        problems(() -> SectorTables.read(",a,b\na,0.5,0.6\nb,0.6,0.5\n", "m.csv")));
  }

  @Test
  void everyMistakeOfTotals() {
    String z = ",s1,s2,s3\ns1,1,0,0\ns2,0,1,0\ns3,0,0,1\n";
    assertEquals(List.of(
        "x.csv:1:1: no total for sector 's3'",
        "x.csv:1:3: unknown column 'totl'; did you mean 'total'?",
        "x.csv:2:2: the total output must be above 0, not 0 (a*_ij = z_ij / x_i divides by it)",
        "x.csv:3:1: 's9' is not a sector of the matrix; did you mean 's1'?",
        "x.csv:4:2: 'many' is not a number",
        "x.csv:5:1: sector 's1' has a total in an earlier row too"),
        problems(() -> SectorTables.readTransactions(z, "z.csv", """
            sector,total,totl
            s1,0
            s9,5
            s2,many
            s1,3
            """, "x.csv")));
    // problems of both tables together, the matrix's first
    assertEquals(List.of("z.csv:2:2: 'a' is not a number", "x.csv:1:1: the first row must name the columns sector and total"),
        problems(() -> SectorTables.readTransactions(",s1\ns1,a\n", "z.csv", "sector\ns1\n", "x.csv")));
  }

  @Test
  void filesThatAreNotThere(@TempDir Path dir) {
    Path missing = dir.resolve("none.csv");
    assertEquals(List.of(missing + ": no such file"), problems(() -> SectorTables.read(missing)));
  }

  @Test
  void writesWhatItReads(@TempDir Path dir) throws Exception {
    InterdependencyMatrix m = InterdependencyMatrix.of(List.of("a,b", "say \"hi\"", "c"),
        new double[][] {{0, 0.1, 1e-7}, {0.25, 0, 0}, {1.0 / 3, 0, 0.5}});
    String csv = SectorTables.write(m);
    assertEquals(",\"a,b\",\"say \"\"hi\"\"\",c\n"
        + "\"a,b\",0.0,0.1,1.0E-7\n"
        + "\"say \"\"hi\"\"\",0.25,0.0,0.0\n"
        + "c,0.3333333333333333,0.0,0.5\n", csv);
    assertEquals(m, SectorTables.readMatrix(csv, "m.csv"));
    Path file = Files.writeString(dir.resolve("m.csv"), csv);
    assertEquals(m, SectorTables.read(file).interdependency());
  }
}
