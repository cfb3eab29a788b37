"""What runs inside `alembic upgrade`, `downgrade`, `stamp` and `check`: settings, connections and locks, guards,
online production-table changes, autogenerate filters and security drift, and the SQL helpers the revisions call."""
