package io.examday.common.spanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.common.testing.SpannerTestDatabase;
import org.junit.jupiter.api.Test;

class SchemaMigratorIT {

  @Test
  void appliesEveryMigrationOnceAndIsIdempotent() {
    try (SpannerTestDatabase db = SpannerTestDatabase.create()) {
      assertThat(new SchemaMigrator(db.spanner(), db.settings()).migrate()).isEmpty();
      try (ResultSet rows =
          db.client()
              .singleUse()
              .executeQuery(Statement.of("SELECT COUNT(*) FROM SchemaMigrations"))) {
        rows.next();
        assertThat(rows.getLong(0)).isEqualTo(SchemaMigrator.migrationFiles().size());
      }
      try (ResultSet rows =
          db.client().singleUse().executeQuery(Statement.of("SELECT COUNT(*) FROM AnswerEvents"))) {
        rows.next();
        assertThat(rows.getLong(0)).isZero();
      }
    }
  }
}
