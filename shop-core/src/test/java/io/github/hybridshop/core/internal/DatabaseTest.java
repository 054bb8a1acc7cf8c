package io.github.hybridshop.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.catalog.ProductQuery;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** The plain-JDBC reads fail with the same exceptions as the Jdbi ones, and Jdbi is set up once. */
@ExtendWith(ShopDatabaseExtension.class)
class DatabaseTest {

  @Test
  void runsWorkOnABorrowedConnection(ShopDatabase db) {
    Database database = new Database(db.dataSource());

    boolean autoCommit = database.withConnection(connection -> connection.getAutoCommit());

    assertThat(autoCommit).isTrue();
  }

  @Test
  void aFailingStatementIsUnableToExecuteWithTheSqlStateKept(ShopDatabase db) {
    Database database = new Database(db.dataSource());

    assertThatThrownBy(() -> database.withConnection(connection -> connection.createStatement().execute("SELECT nope")))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .cause()
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"));
  }

  @Test
  void anUnreachableDatabaseIsAConnectionExceptionForPlainAndJdbiReadsAlike() {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:1/none");
    Shop shop = Shop.connect(unreachable, ShopConfig.of("EUR"));

    assertThatThrownBy(() -> shop.catalog().list(ProductQuery.all())).isInstanceOf(ConnectionException.class);
    assertThatThrownBy(() -> shop.catalog().find(1)).isInstanceOf(ConnectionException.class);
    assertThatThrownBy(() -> shop.checkout().find(1)).isInstanceOf(ConnectionException.class);
    assertThat(shop.isDatabaseReachable()).isFalse();
  }

  @Test
  void setsJdbiUpOnce(ShopDatabase db) {
    Database database = new Database(db.dataSource());

    assertThat(database.jdbi()).isSameAs(database.jdbi());
  }
}
