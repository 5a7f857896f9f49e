package io.examday.common.spanner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DdlScriptTest {

  @Test
  void splitsStatementsAndDropsComments() {
    String script =
        "-- a comment; with a semicolon\nCREATE TABLE A (X INT64) PRIMARY KEY (X);\n\n"
            + "CREATE INDEX B ON A (X);\n";
    assertThat(DdlScript.statements(script))
        .containsExactly("CREATE TABLE A (X INT64) PRIMARY KEY (X)", "CREATE INDEX B ON A (X)");
  }

  @Test
  void everyListedMigrationParses() {
    assertThat(SchemaMigrator.migrationFiles())
        .isNotEmpty()
        .allMatch(f -> f.matches("V\\d{3}__.+\\.sql"));
  }
}
