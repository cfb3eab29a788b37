"""Kept for callers of 0.1: `hitlai_schema.deploy.alembic_config` now lives in `hitlai_schema.runtime.chain`."""

from hitlai_schema.runtime.chain import alembic_config

__all__ = ["alembic_config"]
