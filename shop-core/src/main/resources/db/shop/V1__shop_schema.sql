-- Hybrid Shop system of record. Every table has a primary key (Datastream needs one) and keeps
-- REPLICA IDENTITY DEFAULT. CHECK constraints are the last line of defence behind the Java
-- validation: a bug upstream must not be able to store a negative price or stock.
-- Schema changes after release: add columns at the end only (see the schema-change runbook).

CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text          NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200 AND name = btrim(name)),
    category    text          NOT NULL CHECK (char_length(category) BETWEEN 1 AND 100 AND category = btrim(category)),
    price       numeric(12,2) NOT NULL CHECK (price >= 0),
    stock       integer       NOT NULL CHECK (stock BETWEEN 0 AND 1000000000),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);

-- One product name per category, case-insensitively: a second "Tea" in "Drinks" is a 409.
CREATE UNIQUE INDEX products_category_name_key ON products (lower(category), lower(name));
-- Category filter with keyset paging by id.
CREATE INDEX products_category_id_idx ON products (category, id);

CREATE TABLE orders (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key  text          NOT NULL UNIQUE CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    request_hash     text          NOT NULL,
    total            numeric(20,2) NOT NULL CHECK (total >= 0),
    currency         char(3)       NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE order_lines (
    order_id    bigint        NOT NULL REFERENCES orders (id),
    line_no     integer       NOT NULL CHECK (line_no BETWEEN 1 AND 100),
    product_id  bigint        NOT NULL REFERENCES products (id),
    quantity    integer       NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    unit_price  numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_product_id_idx ON order_lines (product_id);

CREATE TABLE stock_movements (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  bigint      NOT NULL REFERENCES products (id),
    delta       integer     NOT NULL,
    reason      text        NOT NULL CHECK (reason IN ('initial', 'restock', 'sale')),
    order_id    bigint      REFERENCES orders (id),
    at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((reason = 'initial' AND delta >= 0 AND order_id IS NULL)
        OR (reason = 'restock' AND delta > 0 AND order_id IS NULL)
        OR (reason = 'sale' AND delta < 0 AND order_id IS NOT NULL))
);
CREATE INDEX stock_movements_product_at_idx ON stock_movements (product_id, at);

-- Written periodically so the analytics side can measure how fresh its copy is.
CREATE TABLE replication_heartbeat (
    id       integer     PRIMARY KEY CHECK (id = 1),
    beat_at  timestamptz NOT NULL
);
INSERT INTO replication_heartbeat (id, beat_at) VALUES (1, now());
