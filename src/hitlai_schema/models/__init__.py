"""The HitlAI Phase-5 tables as SQLAlchemy models, one module per domain, with who may do what (access)."""
