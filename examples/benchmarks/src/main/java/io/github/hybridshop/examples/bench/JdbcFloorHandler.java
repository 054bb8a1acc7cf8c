package io.github.hybridshop.examples.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The {@code coldstart} floor: the least any handler can do to answer {@code GET /products} from
 * PostgreSQL with the PostgreSQL driver (open one connection, run the page query, write JSON by
 * hand; no validation, no problem mapping, no pooling). Whatever a fresh JVM spends here, ours
 * spends too.
 */
public final class JdbcFloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Properties credentials = new Properties();
    credentials.setProperty("user", System.getenv("DB_USER"));
    credentials.setProperty("password", System.getenv("DB_PASSWORD"));
    StringBuilder json = new StringBuilder("{\"items\":[");
    try (Connection connection = new org.postgresql.Driver().connect(System.getenv("SHOP_DB_URL"), credentials);
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery(
            "SELECT id, name, category, price, stock FROM shop.products ORDER BY id LIMIT 20")) {
      while (rows.next()) {
        json.append(rows.getRow() == 1 ? "" : ",").append("{\"id\":").append(rows.getLong(1))
            .append(",\"name\":\"").append(rows.getString(2)).append("\",\"category\":\"").append(rows.getString(3))
            .append("\",\"price\":\"").append(rows.getBigDecimal(4)).append("\",\"stock\":").append(rows.getInt(5))
            .append('}');
      }
    } catch (SQLException e) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(503).withBody(e.getMessage()).build();
    }
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(json.append("]}").toString()).build();
  }
}
